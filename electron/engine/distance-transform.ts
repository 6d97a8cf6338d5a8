/**
 * Distance from each hole pixel to the nearest known pixel (two-pass chamfer 3-4 transform,
 * scaled to pixels, within ~8 % of the Euclidean distance). The image border is not "known":
 * a hole band along an edge measures its full width.
 */
import { maskBounds } from '../../shared/mask-bounds.ts';
export function holeDistances(mask: Uint8Array, width: number, height: number): Float32Array {
  const n = width * height;
  const FAR = 1e9;
  const d = new Float32Array(n);
  for (let i = 0; i < n; i++) d[i] = mask[i]! > 0 ? FAR : 0;
  // Forward pass: left, up-left, up, up-right.
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      let v = d[i]!;
      if (v === 0) continue;
      if (x > 0) v = Math.min(v, d[i - 1]! + 3);
      if (y > 0) {
        v = Math.min(v, d[i - width]! + 3);
        if (x > 0) v = Math.min(v, d[i - width - 1]! + 4);
        if (x < width - 1) v = Math.min(v, d[i - width + 1]! + 4);
      }
      d[i] = v;
    }
  }
  // Backward pass: right, down-right, down, down-left.
  for (let y = height - 1; y >= 0; y--) {
    for (let x = width - 1; x >= 0; x--) {
      const i = y * width + x;
      let v = d[i]!;
      if (v === 0) continue;
      if (x < width - 1) v = Math.min(v, d[i + 1]! + 3);
      if (y < height - 1) {
        v = Math.min(v, d[i + width]! + 3);
        if (x < width - 1) v = Math.min(v, d[i + width + 1]! + 4);
        if (x > 0) v = Math.min(v, d[i + width - 1]! + 4);
      }
      d[i] = v;
    }
  }
  for (let i = 0; i < n; i++) d[i] = d[i]! >= FAR ? Infinity : d[i]! / 3;
  return d;
}

/**
 * The largest distance to the boundary inside the hole (its "inner radius"), 0 if no hole.
 * Computed on the hole's bounding box plus a 1 px margin, where every hole pixel's nearest
 * known pixel lies, so a small hole in a big context costs little.
 */
export function maxHoleDistance(mask: Uint8Array, width: number, height: number): number {
  const bounds = maskBounds(mask, width, height);
  if (!bounds) return 0;
  const x0 = Math.max(0, bounds.x - 1);
  const y0 = Math.max(0, bounds.y - 1);
  const x1 = Math.min(width - 1, bounds.x + bounds.width);
  const y1 = Math.min(height - 1, bounds.y + bounds.height);
  const w = x1 - x0 + 1;
  const h = y1 - y0 + 1;
  const crop = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) crop.set(mask.subarray((y + y0) * width + x0, (y + y0) * width + x0 + w), y * w);
  const d = holeDistances(crop, w, h);
  let max = 0;
  for (let i = 0; i < d.length; i++) if (d[i]! > max) max = d[i]!;
  return max;
}
