import type { MaskTarget } from '../../shared/document/records.ts';
import { getDocument, getOrderedLayers } from '../../shared/document/records.ts';
import { currentMaskPainter } from '../canvas/use-mask-painter.ts';
import { maskImage } from '../canvas/mask-image.ts';
import { toolPreview } from '../canvas/preview-buffer.ts';
import { downloadBytes } from '../io/download.ts';
import { call } from '../platform/api.ts';
import { addMaskOp, clearMask, newId } from '../state/document-ops.ts';
import type { MaskAdjustKind } from '../state/selection-slice.ts';
import { useAppStore } from '../state/store.ts';
import { commitRasterOp, rasterMaskOp, readyRasterOp, storeRasterMask } from './raster-mask.ts';

/**
 * The mask commands: each is one undoable step on the mask the selection tools edit (the fill
 * mask or the exclusion). Grow, Shrink and Feather run in main on the mask's pixels and land as
 * a raster record replacing the mask; the rest are vector or layer records.
 */
const store = () => useAppStore.getState();
const target = (): MaskTarget => store().selectionTarget;
const targetName = (t: MaskTarget) => (t === 'exclude' ? 'exclusion' : 'mask');

export function selectAll(): void {
  const doc = getDocument(store().records);
  if (!doc) return;
  const t = target();
  store().commit('Select all', (records) => addMaskOp(records, { kind: 'rect', ...doc.canvas, mode: 'replace' }, newId('mask'), t));
}

export function deselect(): void {
  const t = target();
  store().commit('Deselect', (records) => clearMask(records, t));
}

const labels: Record<MaskAdjustKind, string> = { grow: 'Grow mask', shrink: 'Shrink mask', feather: 'Feather mask' };

/** Shows what Grow, Shrink or Feather by `px` would give, over the canvas, without changing anything. */
export async function previewAdjust(kind: MaskAdjustKind, px: number): Promise<void> {
  const doc = getDocument(store().records);
  const mask = currentMaskPainter(target())?.extract();
  if (!doc || !mask) return;
  const result = await call('adjustMask', { canvas: doc.canvas, mask, adjust: { kind, px } });
  // The person may have applied or cancelled while main was working.
  if (store().maskAdjust !== kind) return;
  toolPreview.show(result.mask ? { kind: 'raster', image: maskImage(result.mask, [255, 255, 255]), rect: result.mask } : null);
  document.body.dataset.adjustPreview = `${kind}:${px}`;
}

export function endAdjustPreview(): void {
  toolPreview.clear();
  store().setMaskAdjust(undefined);
}

export async function applyAdjust(kind: MaskAdjustKind, px: number): Promise<void> {
  endAdjustPreview();
  const t = target();
  const mask = currentMaskPainter(t)?.extract();
  if (!mask) return;
  commitRasterOp(await storeRasterMask(mask, 'replace', { kind, px }), t, labels[kind]);
}

/** The top visible layer's alpha becomes the mask (a pasted cut-out selects its own shape). */
export function maskFromLayer(): void {
  const layer = getOrderedLayers(store().records)
    .filter((l) => l.visible)
    .at(-1);
  if (!layer) return;
  const op = rasterMaskOp({ assetId: layer.assetId, rect: { x: layer.x, y: layer.y, width: layer.width, height: layer.height } }, 'replace');
  commitRasterOp(op, target(), 'Mask from layer');
}

/** Downloads the mask as a PNG at the canvas's size, white = change. */
export async function saveMask(): Promise<void> {
  const { records } = store();
  const doc = getDocument(records);
  if (!doc) return;
  const t = target();
  const { bytes } = await call('encodeMaskPng', { canvas: doc.canvas, mask: currentMaskPainter(t)?.extract() ?? null });
  downloadBytes(bytes, 'image/png', `${doc.name.replace(/\.[^.]+$/, '')}-${targetName(t)}.png`);
}

export const MASK_FILE_INPUT_ID = 'load-mask-input';

/** Reads a mask file (white = change) into the mask, scaled with a notice when its size differs. */
export async function loadMaskFile(file: File): Promise<void> {
  const doc = getDocument(store().records);
  if (!doc) return;
  const t = target();
  const result = await call('readMaskPng', { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), canvas: doc.canvas });
  const op = await readyRasterOp(result, 'replace');
  commitRasterOp(op, t, 'Load mask');
  if (result.scaledFrom) {
    store().notify('info', {
      key: 'selection:notice.maskScaled',
      params: { name: file.name, fromWidth: result.scaledFrom.width, fromHeight: result.scaledFrom.height, width: doc.canvas.width, height: doc.canvas.height },
    });
  }
}
