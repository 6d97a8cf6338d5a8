import type { MaskInput } from '../../shared/contract/schemas.ts';
import { intersectRects, isEmptyRect, type Rect } from '../../shared/geometry.ts';
import { maskBounds } from '../../shared/mask-bounds.ts';

/** The bounding box of the painted (non-zero) mask pixels in document coordinates, or null if none. */
export function paintedBounds(mask: MaskInput): Rect | null {
  const local = maskBounds(mask.alpha, mask.width, mask.height);
  return local ? { ...local, x: local.x + mask.x, y: local.y + mask.y } : null;
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
