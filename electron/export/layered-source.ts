import type { ExportLayer } from '../../shared/contract/export-schemas.ts';
import type { Rect } from '../../shared/geometry.ts';
import type { RgbaImage } from '../jobs/provider.ts';
import type { AssetStore } from '../services/asset-store.ts';
import { flattenRegion } from '../services/flatten.ts';

/** One layer as a layered file stores it: its pixels, placed relative to the exported region. */
export interface PlacedLayer {
  name: string;
  assetId: string;
  left: number;
  top: number;
  opacity: number;
  visible: boolean;
  image: RgbaImage;
}

export interface LayeredSource {
  width: number;
  height: number;
  /** Bottom first. */
  layers: PlacedLayer[];
  /** The visible layers flattened over the region: PSD's composite, ORA's mergedimage.png. */
  merged: RgbaImage;
}

/** Decodes every layer once and flattens them, for the PSD and OpenRaster writers. */
export async function loadLayeredSource(store: AssetStore, region: Rect, layers: readonly ExportLayer[]): Promise<LayeredSource> {
  const placed: PlacedLayer[] = [];
  for (const [index, layer] of layers.entries()) {
    placed.push({
      name: layer.name?.trim() || `Layer ${index + 1}`,
      assetId: layer.assetId,
      left: layer.x - region.x,
      top: layer.y - region.y,
      opacity: layer.opacity,
      visible: layer.visible,
      image: await store.readRgba(layer.assetId),
    });
  }
  const merged = await flattenRegion(layers, region, (id) => store.readRgba(id));
  return { width: region.width, height: region.height, layers: placed, merged };
}
