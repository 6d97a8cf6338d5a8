import type { MaskInput } from '../../shared/contract/schemas.ts';
import type { MaskAdjustment } from '../../shared/contract/selection-channels.ts';
import { getDocument, type MaskRaster, type MaskTarget, type ShapeMode } from '../../shared/document/records.ts';
import type { Rect } from '../../shared/geometry.ts';
import { loadBitmap } from '../canvas/bitmap-cache.ts';
import { rememberRasterBitmap } from '../canvas/raster-mask-bitmaps.ts';
import { call } from '../platform/api.ts';
import { addMaskOp, clearMask, newId } from '../state/document-ops.ts';
import { useAppStore } from '../state/store.ts';

/** The record for a stored mask asset: kept apart from committing it, so any history API can take it. */
export function rasterMaskOp(stored: { assetId: string; rect: Rect }, mode: ShapeMode): MaskRaster {
  return { kind: 'raster', assetId: stored.assetId, ...stored.rect, mode };
}

/**
 * Stores a mask in main (grown, shrunk or feathered first when asked) and returns its record,
 * with the bitmap decoded so the mask repaints at once when the record lands. Null when the
 * adjustment left nothing.
 */
export async function storeRasterMask(mask: MaskInput, mode: ShapeMode, adjust?: MaskAdjustment): Promise<MaskRaster | null> {
  const doc = getDocument(useAppStore.getState().records);
  if (!doc) return null;
  const { stored } = await call('storeMask', { canvas: doc.canvas, mask, ...(adjust ? { adjust } : {}) });
  return stored ? readyRasterOp(stored, mode) : null;
}

/** The record for a stored mask asset, once its bitmap is decoded (so it paints the moment it lands). */
export async function readyRasterOp(stored: { assetId: string; rect: Rect }, mode: ShapeMode): Promise<MaskRaster> {
  rememberRasterBitmap(stored.assetId, await loadBitmap(stored.assetId));
  return rasterMaskOp(stored, mode);
}

/** Commits a raster record as one undoable step; a replace with nothing left clears the mask. */
export function commitRasterOp(op: MaskRaster | null, target: MaskTarget, label: string): void {
  useAppStore.getState().commit(label, (records) => (op ? addMaskOp(records, op, newId('mask'), target) : clearMask(records, target)));
}
