import { call } from '../platform/api.ts';

/**
 * Decoded bitmaps by asset id. Pixels stay out of the store and the history: layers name an
 * asset and the canvas asks here for something it can draw.
 */
const bitmaps = new Map<string, Promise<ImageBitmap>>();

export function loadBitmap(assetId: string): Promise<ImageBitmap> {
  let pending = bitmaps.get(assetId);
  if (!pending) {
    pending = call('readAsset', { assetId }).then(({ bytes, mime }) =>
      // EXIF orientation is applied here as main applies it when it decodes the same bytes.
      createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }), { imageOrientation: 'from-image' }),
    );
    pending.catch(() => bitmaps.delete(assetId));
    bitmaps.set(assetId, pending);
  }
  return pending;
}

/** Lets go of bitmaps no layer or history entry refers to any more. */
export function releaseBitmapsExcept(keep: ReadonlySet<string>): void {
  for (const [assetId, pending] of bitmaps) {
    if (keep.has(assetId)) continue;
    bitmaps.delete(assetId);
    pending.then((bitmap) => bitmap.close(), () => undefined);
  }
}
