import type { Rect } from '../../../shared/geometry.ts';
import type { RgbaImage } from '../../services/rgba-image.ts';
import type { OutpaintDirection } from '../adapters/types.ts';

/**
 * Recognizes an outpaint: the mask is exactly a strip of empty (transparent) canvas along one
 * side of the crop, or an equal frame on all four. JSON relays have a dedicated endpoint for it
 * that only needs the known pixels, a direction and a width.
 */

export interface OutpaintShape {
  direction: OutpaintDirection;
  /** Strip width in crop pixels. */
  pixels: number;
  /** The known part of the crop. */
  known: Rect;
}

function isStrip(mask: Uint8Array, image: RgbaImage, inStrip: (x: number, y: number) => boolean): boolean {
  const { width, height, data } = image;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const masked = (mask[i] ?? 0) > 0;
      if (inStrip(x, y) ? !masked || (data[i * 4 + 3] ?? 0) !== 0 : masked) return false;
    }
  }
  return true;
}

export function detectOutpaint(image: RgbaImage, mask: Uint8Array): OutpaintShape | undefined {
  const { width, height } = image;
  const row = (y: number): number => y * width;
  // Measure the strip on each side along the middle row/column.
  let left = 0;
  while (left < width && (mask[row(height >> 1) + left] ?? 0) > 0) left++;
  let right = 0;
  while (right < width && (mask[row(height >> 1) + width - 1 - right] ?? 0) > 0) right++;
  let top = 0;
  while (top < height && (mask[row(top) + (width >> 1)] ?? 0) > 0) top++;
  let bottom = 0;
  while (bottom < height && (mask[row(height - 1 - bottom) + (width >> 1)] ?? 0) > 0) bottom++;
  const candidates: Array<[OutpaintDirection, number, Rect, (x: number, y: number) => boolean]> = [
    ['left', left, { x: left, y: 0, width: width - left, height }, (x) => x < left],
    ['right', right, { x: 0, y: 0, width: width - right, height }, (x) => x >= width - right],
    ['top', top, { x: 0, y: top, width, height: height - top }, (_x, y) => y < top],
    ['bottom', bottom, { x: 0, y: 0, width, height: height - bottom }, (_x, y) => y >= height - bottom],
  ];
  const sides = candidates.filter(([, p]) => p > 0);
  if (sides.length === 1) {
    const [direction, pixels, known, inStrip] = sides[0] as (typeof candidates)[number];
    if (pixels >= (direction === 'left' || direction === 'right' ? width : height)) return undefined;
    return isStrip(mask, image, inStrip) ? { direction, pixels, known } : undefined;
  }
  if (sides.length === 4 && left === right && left === top && left === bottom && 2 * left < Math.min(width, height)) {
    const p = left;
    const frame = (x: number, y: number): boolean => x < p || y < p || x >= width - p || y >= height - p;
    return isStrip(mask, image, frame) ? { direction: 'all', pixels: p, known: { x: p, y: p, width: width - 2 * p, height: height - 2 * p } } : undefined;
  }
  return undefined;
}

/** Whether the crop is entirely empty canvas: then it is a generation, not an edit. */
export function isBlank(image: RgbaImage): boolean {
  for (let i = 3; i < image.data.length; i += 4) if ((image.data[i] ?? 0) !== 0) return false;
  return true;
}

/** Copies a sub-rectangle of an RGBA image. */
export function cropRgba(image: RgbaImage, rect: Rect): RgbaImage {
  const out = new Uint8Array(rect.width * rect.height * 4);
  for (let y = 0; y < rect.height; y++) {
    const from = ((y + rect.y) * image.width + rect.x) * 4;
    out.set(image.data.subarray(from, from + rect.width * 4), y * rect.width * 4);
  }
  return { width: rect.width, height: rect.height, data: out };
}
