/**
 * The context window: the part of the image the offline engine works on for a given hole.
 * Content-aware fill needs source patches from around the hole, but not from the whole photo
 * (a 24 MP image would be far too slow and far-away content rarely matches), so the hole's
 * bounding box is padded by its own larger side (at least 64 px) and clipped to the image.
 */
import type { Rect } from '../../shared/geometry.ts';

export const MIN_CONTEXT_PADDING = 64;

export function contextWindowFor(maskBBox: Rect, imageW: number, imageH: number): Rect {
  if (maskBBox.width <= 0 || maskBBox.height <= 0) return { x: 0, y: 0, width: 0, height: 0 };
  const pad = Math.max(MIN_CONTEXT_PADDING, Math.max(maskBBox.width, maskBBox.height));
  const x0 = Math.max(0, Math.floor(maskBBox.x - pad));
  const y0 = Math.max(0, Math.floor(maskBBox.y - pad));
  const x1 = Math.min(imageW, Math.ceil(maskBBox.x + maskBBox.width + pad));
  const y1 = Math.min(imageH, Math.ceil(maskBBox.y + maskBBox.height + pad));
  return { x: x0, y: y0, width: Math.max(0, x1 - x0), height: Math.max(0, y1 - y0) };
}
