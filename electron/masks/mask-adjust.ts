import type { MaskInput } from '../../shared/contract/schemas.ts';
import { intersectRects, isEmptyRect, type Rect } from '../../shared/geometry.ts';
import { distanceFromMask } from '../gateways/prep/mask-ops.ts';

export type MaskAdjustment = { kind: 'grow' | 'shrink' | 'feather'; px: number };

/** A pixel at or above half counts as selected when growing, shrinking or feathering. */
const INSIDE = 128;

/**
 * Grow, shrink and feather a mask by exact Euclidean distances (the same transform fills use),
 * so a 6 px grow is 6 px on a diagonal too. Works on the mask's own box padded by the amount and
 * clipped to the canvas; returns null when nothing is left.
 */
export function adjustMask(mask: MaskInput, canvas: Rect, adjustment: MaskAdjustment): MaskInput | null {
  const px = Math.max(0, adjustment.px);
  const pad = adjustment.kind === 'shrink' ? 1 : Math.ceil(px) + 1;
  const box = intersectRects({ x: mask.x - pad, y: mask.y - pad, width: mask.width + 2 * pad, height: mask.height + 2 * pad }, canvas);
  if (isEmptyRect(box)) return null;
  const source = placeIn(mask, box);
  const inside = new Uint8Array(source.length);
  const outside = new Uint8Array(source.length);
  for (let i = 0; i < source.length; i++) {
    if (source[i]! >= INSIDE) inside[i] = 1;
    else outside[i] = 1;
  }
  const out = new Uint8Array(source.length);
  if (adjustment.kind === 'grow') {
    const toInside = distances(inside, box, px);
    for (let i = 0; i < out.length; i++) out[i] = toInside[i]! <= px ? 255 : source[i]!;
  } else if (adjustment.kind === 'shrink') {
    // Beyond the canvas counts as outside: a selection shrinks away from the photo's edges too.
    const toOutside = distances(outside, box, px + 1, true);
    for (let i = 0; i < out.length; i++) out[i] = inside[i] && toOutside[i]! > px ? source[i]! : 0;
  } else {
    const toInside = distances(inside, box, px + 1);
    const toOutside = distances(outside, box, px + 1, true);
    const half = Math.max(px, 0.5);
    for (let i = 0; i < out.length; i++) {
      // Signed distance to the edge, positive inside; the ramp spans `px` either side of it.
      const signed = inside[i] ? toOutside[i]! - 0.5 : 0.5 - toInside[i]!;
      out[i] = Math.round(255 * Math.min(1, Math.max(0, 0.5 + signed / (2 * half))));
    }
  }
  return cropToContent({ ...box, alpha: out });
}

/** The mask's values placed in `box` (zero where the mask does not reach). */
function placeIn(mask: MaskInput, box: Rect): Uint8Array {
  const out = new Uint8Array(box.width * box.height);
  const overlap = intersectRects(mask, box);
  for (let y = overlap.y; y < overlap.y + overlap.height; y++) {
    const from = (y - mask.y) * mask.width + (overlap.x - mask.x);
    out.set(mask.alpha.subarray(from, from + overlap.width), (y - box.y) * box.width + (overlap.x - box.x));
  }
  return out;
}

/**
 * Distance from every pixel of `box` to the nearest set pixel of `target`, capped just past
 * `max`. With `borderSet` the ring just outside the box counts as set (the world beyond it).
 */
function distances(target: Uint8Array, box: Rect, max: number, borderSet = false): Float32Array {
  if (!borderSet) return distanceFromMask(target, box.width, box.height, max);
  const width = box.width + 2;
  const grid = new Uint8Array(width * (box.height + 2)).fill(1);
  for (let y = 0; y < box.height; y++) grid.set(target.subarray(y * box.width, (y + 1) * box.width), (y + 1) * width + 1);
  const field = distanceFromMask(grid, width, box.height + 2, max);
  const out = new Float32Array(box.width * box.height);
  for (let y = 0; y < box.height; y++) out.set(field.subarray((y + 1) * width + 1, (y + 1) * width + 1 + box.width), y * box.width);
  return out;
}

/** Crops a mask to its non-zero pixels; null when there are none. */
export function cropToContent(mask: MaskInput): MaskInput | null {
  let minX = mask.width;
  let minY = mask.height;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < mask.height; y++) {
    const row = y * mask.width;
    for (let x = 0; x < mask.width; x++) {
      if (mask.alpha[row + x] === 0) continue;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  if (maxX < 0) return null;
  const width = maxX - minX + 1;
  const height = maxY - minY + 1;
  if (width === mask.width && height === mask.height) return mask;
  const alpha = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) alpha.set(mask.alpha.subarray((minY + y) * mask.width + minX, (minY + y) * mask.width + minX + width), y * width);
  return { x: mask.x + minX, y: mask.y + minY, width, height, alpha };
}
