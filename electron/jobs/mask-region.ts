import type { MaskInput } from '../../shared/contract/schemas.ts';
import { intersectRects, isEmptyRect, type Rect } from '../../shared/geometry.ts';

/** The bounding box of the painted (non-zero) mask pixels in document coordinates, or null if none. */
export function maskBounds(mask: MaskInput): Rect | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -1;
  let maxY = -1;
  const { width, height, alpha } = mask;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (alpha[row + x] === 0) continue;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      maxY = y;
    }
  }
  if (maxX < 0) return null;
  return { x: mask.x + minX, y: mask.y + minY, width: maxX - minX + 1, height: maxY - minY + 1 };
}

/** The mask as `region.width × region.height` bytes; outside the painted box is 0 (keep). */
export function cropMask(mask: MaskInput, region: Rect): Uint8Array {
  const out = new Uint8Array(region.width * region.height);
  const overlap = intersectRects(region, mask);
  if (isEmptyRect(overlap)) return out;
  for (let y = 0; y < overlap.height; y++) {
    const srcStart = (overlap.y - mask.y + y) * mask.width + (overlap.x - mask.x);
    const dstStart = (overlap.y - region.y + y) * region.width + (overlap.x - region.x);
    out.set(mask.alpha.subarray(srcStart, srcStart + overlap.width), dstStart);
  }
  return out;
}

/** The bounding box of non-zero bytes in a `width`-wide mask, relative to it, or null if none. */
export function localBounds(mask: Uint8Array, width: number, height: number): Rect | null {
  return maskBounds({ x: 0, y: 0, width, height, alpha: mask });
}
