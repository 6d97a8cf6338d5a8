import type { LayerSnapshot } from '../../shared/contract/schemas.ts';
import { getOrderedLayers, type RecordMap } from '../../shared/document/records.ts';

/** What main needs of each layer to flatten the document: asset, place, visibility, opacity. */
export function layerSnapshots(records: RecordMap): LayerSnapshot[] {
  return getOrderedLayers(records).map((layer) => ({
    assetId: layer.assetId,
    x: layer.x,
    y: layer.y,
    opacity: layer.opacity,
    visible: layer.visible,
  }));
}
