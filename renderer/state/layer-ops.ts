import type { AssetInfo } from '../../shared/contract/schemas.ts';
import { DOCUMENT_ID, getDocument, type LayerRecord, type RecordMap } from '../../shared/document/records.ts';
import { addLayers, moveLayerTo, newId } from './document-ops.ts';

/**
 * Layer edits beyond show/hide/opacity (document-ops.ts): each a pure function of the record
 * map, so every one is a single undoable commit.
 */

/** Moves a layer by whole pixels (the Move tool's drag and arrow-key nudges). */
export function offsetLayer(records: RecordMap, id: string, dx: number, dy: number): RecordMap {
  const layer = records[id];
  if (layer?.typeName !== 'layer' || (dx === 0 && dy === 0)) return records;
  return { ...records, [id]: { ...layer, x: layer.x + Math.round(dx), y: layer.y + Math.round(dy) } };
}

/** Inserts `layer` directly above the layer `belowId` (on top when absent). */
function insertAbove(records: RecordMap, layer: LayerRecord, belowId: string): RecordMap {
  const added = addLayers(records, [layer]);
  const doc = getDocument(records);
  const index = doc ? doc.order.indexOf(belowId) : -1;
  return index < 0 ? added : moveLayerTo(added, layer.id, index + 1);
}

/** A copy of the layer just above it; the pixels are shared, since assets never change. */
export function duplicateLayer(records: RecordMap, id: string, copyName: string, newLayerId = newId('layer')): RecordMap {
  const layer = records[id];
  if (layer?.typeName !== 'layer') return records;
  return insertAbove(records, { ...layer, id: newLayerId, name: copyName }, id);
}

/** An empty (transparent) layer over the canvas, above the layer `aboveId` or on top. */
export function addEmptyLayer(records: RecordMap, asset: AssetInfo, name: string, aboveId: string | undefined, newLayerId = newId('layer')): RecordMap {
  const doc = getDocument(records);
  if (!doc) return records;
  const layer: LayerRecord = {
    typeName: 'layer',
    id: newLayerId,
    kind: 'image',
    name,
    assetId: asset.assetId,
    x: doc.canvas.x,
    y: doc.canvas.y,
    width: asset.width,
    height: asset.height,
    visible: true,
    opacity: 1,
  };
  return insertAbove(records, layer, aboveId ?? '');
}

/** The layer below `id` in the stack, which Merge down merges into. */
export function layerBelow(records: RecordMap, id: string): LayerRecord | undefined {
  const doc = getDocument(records);
  const index = doc?.order.indexOf(id) ?? -1;
  const below = index > 0 ? records[doc!.order[index - 1]!] : undefined;
  return below?.typeName === 'layer' ? below : undefined;
}

/**
 * Replaces the layers `ids` by one layer of already flattened pixels (`merged`, placed at
 * `rect`), at the place of the lowest of them: Merge down and Flatten.
 */
export function replaceWithMerged(
  records: RecordMap,
  ids: readonly string[],
  merged: AssetInfo,
  rect: { x: number; y: number },
  keep: Pick<LayerRecord, 'name' | 'opacity'>,
  newLayerId = newId('layer'),
): RecordMap {
  const doc = getDocument(records);
  if (!doc || ids.length === 0) return records;
  const drop = new Set(ids);
  const lowest = doc.order.findIndex((id) => drop.has(id));
  if (lowest < 0) return records;
  const layer: LayerRecord = {
    typeName: 'layer',
    id: newLayerId,
    kind: 'image',
    name: keep.name,
    assetId: merged.assetId,
    x: rect.x,
    y: rect.y,
    width: merged.width,
    height: merged.height,
    visible: true,
    opacity: keep.opacity,
  };
  const next: Record<string, RecordMap[string]> = { ...records };
  for (const id of ids) delete next[id];
  const order = doc.order.filter((id) => !drop.has(id));
  order.splice(Math.min(lowest, order.length), 0, layer.id);
  next[layer.id] = layer;
  next[DOCUMENT_ID] = { ...doc, order };
  return next;
}
