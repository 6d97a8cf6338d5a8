import { call } from '../platform/api.ts';
import { detailLevelSize } from './detail-level.ts';

/**
 * Decoded bitmaps by asset id and detail level (detail-level.ts). Pixels stay out of the store
 * and the history: layers name an asset and the canvas asks here for something it can draw.
 */
const bitmaps = new Map<string, Promise<ImageBitmap>>();

const keyOf = (assetId: string, level: number) => (level === 0 ? assetId : `${assetId}@${level}`);
const assetOf = (key: string) => key.split('@')[0]!;

export function loadBitmap(assetId: string, level = 0): Promise<ImageBitmap> {
  const key = keyOf(assetId, level);
  let pending = bitmaps.get(key);
  if (!pending) {
    pending = call('readAsset', { assetId }).then(({ bytes, mime, width, height }) => {
      // EXIF orientation is applied here as main applies it when it decodes the same bytes;
      // the resize is to the oriented size (Chromium orients first, then resizes).
      const size = detailLevelSize(width, height, level);
      const options: ImageBitmapOptions =
        level === 0
          ? { imageOrientation: 'from-image' }
          : { imageOrientation: 'from-image', resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'high' };
      return createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }), options);
    });
    pending.catch(() => bitmaps.delete(key));
    bitmaps.set(key, pending);
  }
  return pending;
}

/**
 * Forgets an asset's bitmaps at other levels once the one at `level` is on screen. They are
 * not closed: a results thumbnail being drawn may still hold one, and the page's garbage
 * collector frees them (Chromium counts a bitmap's pixels as the page's memory).
 */
export function forgetOtherLevels(assetId: string, level: number): void {
  for (const key of [...bitmaps.keys()]) if (assetOf(key) === assetId && key !== keyOf(assetId, level)) bitmaps.delete(key);
}

/** Lets go of bitmaps no layer or history entry refers to any more. */
export function releaseBitmapsExcept(keep: ReadonlySet<string>): void {
  for (const [key, pending] of bitmaps) {
    if (keep.has(assetOf(key))) continue;
    bitmaps.delete(key);
    pending.then((bitmap) => bitmap.close(), () => undefined);
  }
}
