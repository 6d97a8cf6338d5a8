import type { LayerSnapshot } from '../../shared/contract/schemas.ts';
import { getOrderedLayers, type LayerRecord, type RecordMap } from '../../shared/document/records.ts';

/** What main needs of a layer to flatten it: asset, place, visibility, opacity. */
export function layerSnapshot(layer: LayerRecord): LayerSnapshot {
  return { assetId: layer.assetId, x: layer.x, y: layer.y, opacity: layer.opacity, visible: layer.visible };
}

/** Every layer of the document, bottom first. */
export function layerSnapshots(records: RecordMap): LayerSnapshot[] {
  return getOrderedLayers(records).map(layerSnapshot);
}
