import type { AssetInfo, LayerSnapshot } from '../../shared/contract/schemas.ts';
import type { Rect } from '../../shared/geometry.ts';
import type { AssetStore } from './asset-store.ts';
import { flattenRegion } from './flatten.ts';
import { encodeRgba } from './image-codec.ts';

/** Flattens layers over `region` and stores the result as a new PNG asset (Merge down, Flatten, new empty layer). */
export async function flattenToAsset(store: AssetStore, region: Rect, layers: readonly LayerSnapshot[]): Promise<AssetInfo> {
  const flat = await flattenRegion(layers, region, (id) => store.readRgba(id));
  const png = await encodeRgba(flat, 'png', 100, { fast: true });
  return store.put(png, { width: flat.width, height: flat.height, mime: 'image/png' }, flat);
}
