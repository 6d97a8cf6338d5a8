import type { MaskOperation } from '../../shared/document/records.ts';
import { loadBitmap } from './bitmap-cache.ts';

/**
 * Raster mask records name an asset whose alpha is the mask. Replaying the mask is synchronous
 * (undo must repaint at once), so the decoded bitmaps are kept here by asset id; the painter's
 * owner loads any that are missing and replays again when they arrive.
 */
const ready = new Map<string, ImageBitmap>();

export function rasterBitmap(assetId: string): ImageBitmap | undefined {
  const bitmap = ready.get(assetId);
  // A bitmap the cache has closed (its asset was collected) has zero size: load it again.
  return bitmap && bitmap.width > 0 ? bitmap : undefined;
}

/** Loads the bitmaps of the raster records not yet decoded; resolves true when any were. */
export async function loadRasterBitmaps(ops: readonly MaskOperation[]): Promise<boolean> {
  const missing = ops.filter((op) => op.kind === 'raster' && !rasterBitmap(op.assetId));
  if (missing.length === 0) return false;
  await Promise.all(
    missing.map(async (op) => {
      if (op.kind !== 'raster') return;
      ready.set(op.assetId, await loadBitmap(op.assetId));
    }),
  );
  return true;
}

/** Hands a freshly made mask bitmap to the cache before its record lands, so it paints at once. */
export function rememberRasterBitmap(assetId: string, bitmap: ImageBitmap): void {
  ready.set(assetId, bitmap);
}
