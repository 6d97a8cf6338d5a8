import type { LayerRecord, MaskOperation, RecordMap } from '../../shared/document/records.ts';
import { DOCUMENT_ID, getDocument, getMaskOps, maskTargetOf, type MaskTarget } from '../../shared/document/records.ts';
import type { AssetInfo } from '../../shared/contract/schemas.ts';

/**
 * Pure edits of the record map. Each returns a new map that shares every untouched record, so
 * the history can diff by identity.
 */

let counter = 0;
export function newId(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter.toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

export function createDocument(asset: AssetInfo, name: string): RecordMap {
  const layer = imageLayer(asset, name, 0, 0);
  return {
    [DOCUMENT_ID]: {
      typeName: 'document',
      id: DOCUMENT_ID,
      name,
      canvas: { x: 0, y: 0, width: asset.width, height: asset.height },
      order: [layer.id],
    },
    [layer.id]: layer,
  };
}

export function imageLayer(asset: AssetInfo, name: string, x: number, y: number): LayerRecord {
  return {
    typeName: 'layer',
    id: newId('layer'),
    kind: 'image',
    name,
    assetId: asset.assetId,
    x,
    y,
    width: asset.width,
    height: asset.height,
    visible: true,
    opacity: 1,
  };
}

/** Adds layers on top of the stack. */
export function addLayers(records: RecordMap, layers: LayerRecord[]): RecordMap {
  const doc = getDocument(records);
  if (!doc) return records;
  const next: Record<string, RecordMap[string]> = { ...records };
  for (const layer of layers) next[layer.id] = layer;
  next[DOCUMENT_ID] = { ...doc, order: [...doc.order, ...layers.map((l) => l.id)] };
  return next;
}

export function updateLayer(records: RecordMap, id: string, patch: Partial<Pick<LayerRecord, 'visible' | 'opacity' | 'name'>>): RecordMap {
  const layer = records[id];
  if (layer?.typeName !== 'layer') return records;
  return { ...records, [id]: { ...layer, ...patch } };
}

export function removeLayer(records: RecordMap, id: string): RecordMap {
  const doc = getDocument(records);
  if (!doc || !(id in records)) return records;
  const next: Record<string, RecordMap[string]> = { ...records };
  delete next[id];
  next[DOCUMENT_ID] = { ...doc, order: doc.order.filter((layerId) => layerId !== id) };
  return next;
}

/** Moves a layer up (+1, towards the top) or down (-1) the stack. */
export function moveLayer(records: RecordMap, id: string, delta: 1 | -1): RecordMap {
  const from = getDocument(records)?.order.indexOf(id) ?? -1;
  return from < 0 ? records : moveLayerTo(records, id, from + delta);
}

/** Puts a layer at `index` in the stack (0 = bottom, clamped): also the drop of a drag in the Layers panel. */
export function moveLayerTo(records: RecordMap, id: string, index: number): RecordMap {
  const doc = getDocument(records);
  if (!doc) return records;
  const from = doc.order.indexOf(id);
  const to = Math.max(0, Math.min(doc.order.length - 1, index));
  if (from < 0 || from === to) return records;
  const order = doc.order.filter((layerId) => layerId !== id);
  order.splice(to, 0, id);
  return { ...records, [DOCUMENT_ID]: { ...doc, order } };
}

export function addMaskOp(records: RecordMap, op: MaskOperation, id = newId('mask'), target: MaskTarget = 'fill'): RecordMap {
  const ops = getMaskOps(records, target);
  const seq = (ops.at(-1)?.seq ?? 0) + 1;
  return { ...records, [id]: { typeName: 'mask-op', id, seq, op, ...(target === 'exclude' ? { target } : {}) } };
}

/** Empties one mask (by default the fill mask: a fill that lands keeps the exclusion). */
export function clearMask(records: RecordMap, target: MaskTarget = 'fill'): RecordMap {
  const next: Record<string, RecordMap[string]> = {};
  for (const [id, record] of Object.entries(records)) {
    if (record.typeName !== 'mask-op' || maskTargetOf(record) !== target) next[id] = record;
  }
  return next;
}
