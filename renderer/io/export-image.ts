import type { DocumentFormat, ExportMetadata, ExportRequest, ExportSize } from '../../shared/contract/export-schemas.ts';
import { getDocument, getOrderedLayers, type LayerRecord, type RecordMap } from '../../shared/document/records.ts';
import { currentMaskPainter } from '../canvas/use-mask-painter.ts';
import { call } from '../platform/api.ts';
import { layerSnapshot } from '../state/snapshots.ts';
import { useAppStore } from '../state/store.ts';
import { baseName, downloadBytes } from './download.ts';

export type ExportScope = 'document' | 'layer';

export interface ExportChoices {
  format: DocumentFormat;
  quality: number;
  size: ExportSize;
  scope: ExportScope;
  stripMetadata: boolean;
}

function exportLayer(layer: LayerRecord) {
  return { ...layerSnapshot(layer), name: layer.name };
}

/** The generation a picture came from: the selected layer's, or the topmost visible generated layer's. */
function generationOf(layers: readonly LayerRecord[]): ExportMetadata | undefined {
  const generation = [...layers].reverse().find((layer) => layer.visible && layer.generation)?.generation;
  if (!generation) return undefined;
  return { prompt: generation.prompt, providerId: generation.providerId, seed: generation.seed, ...(generation.model ? { model: generation.model } : {}) };
}

/**
 * What main is asked to export. "Selected layer" exports that layer alone over its own bounds,
 * shown whatever its visibility in the document.
 */
export function exportRequest(records: RecordMap, choices: ExportChoices, selectedLayerId?: string): ExportRequest | undefined {
  const doc = getDocument(records);
  if (!doc) return undefined;
  const selected = choices.scope === 'layer' ? records[selectedLayerId ?? ''] : undefined;
  const layers = selected?.typeName === 'layer' ? [{ ...selected, visible: true }] : getOrderedLayers(records);
  const canvas = selected?.typeName === 'layer' ? { x: selected.x, y: selected.y, width: selected.width, height: selected.height } : doc.canvas;
  const metadata = choices.stripMetadata ? undefined : generationOf(layers);
  // Describe photo's caption and alt text describe the whole picture, not one layer of it.
  const description = choices.stripMetadata || selected ? undefined : doc.description;
  return {
    canvas,
    layers: layers.map(exportLayer),
    format: choices.format,
    quality: choices.quality,
    size: choices.size,
    ...(metadata ? { metadata } : {}),
    ...(description ? { description: { caption: description.caption, altText: description.altText } } : {}),
  };
}

/** Main flattens (or keeps the layers of) the document at full resolution; the file is downloaded. */
export async function exportDocument(choices: ExportChoices): Promise<void> {
  const { records, selectedLayerId, notify } = useAppStore.getState();
  const request = exportRequest(records, choices, selectedLayerId);
  const doc = getDocument(records);
  if (!request || !doc) return;
  const result = await call('exportImage', request);
  const suffix = choices.scope === 'layer' ? 'layer' : 'infill';
  downloadBytes(result.bytes, result.mime, `${baseName(doc.name)}-${suffix}.${result.extension}`);
  notify('info', { key: 'common:notice.exported', params: { width: result.width, height: result.height, format: result.extension.toUpperCase() } });
}

/** The fill mask as a black-and-white PNG the size of the canvas. */
export async function exportMask(): Promise<void> {
  const { records, notify } = useAppStore.getState();
  const doc = getDocument(records);
  const mask = currentMaskPainter()?.extract();
  if (!doc) return;
  if (!mask) {
    notify('error', { key: 'common:notice.paintMaskFirst' });
    return;
  }
  const { bytes } = await call('exportMask', { canvas: doc.canvas, mask });
  downloadBytes(bytes, 'image/png', `${baseName(doc.name)}-mask.png`);
  notify('info', { key: 'export:notice.maskExported', params: { width: doc.canvas.width, height: doc.canvas.height } });
}

/** Copy merged image (Mod+Shift+C): the visible layers flattened, as PNG, on the clipboard. */
export async function copyMergedImage(): Promise<void> {
  const { records, notify } = useAppStore.getState();
  const request = exportRequest(records, { format: 'png', quality: 100, size: { kind: 'full' }, scope: 'document', stripMetadata: true });
  if (!request) return;
  const result = await call('exportImage', request);
  const blob = new Blob([result.bytes as Uint8Array<ArrayBuffer>], { type: 'image/png' });
  await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]);
  notify('info', { key: 'export:notice.copied', params: { width: result.width, height: result.height } });
}
