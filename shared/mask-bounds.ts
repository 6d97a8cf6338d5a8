import type { Rect } from './geometry.ts';

/**
 * Bounding box of the pixels with mask > 0, or undefined when the mask is empty.
 * One implementation for every mask in Infill (jobs, gateway prep, the offline engines). Big crops are
 * mostly zero margin around the painted box, so the rows are found with 32-bit words from both
 * ends, and each row in between is scanned only from its ends up to the box found so far.
 */
export function maskBounds(mask: Uint8Array, width: number, height: number): Rect | undefined {
  const total = width * height;
  let first = 0;
  let last = total - 1;
  if (mask.byteOffset % 4 === 0 && total >= 64) {
    const n = total >> 2;
    const words = new Uint32Array(mask.buffer, mask.byteOffset, n);
    let w = 0;
    while (w < n && words[w] === 0) w++;
    first = w * 4;
    let tailPainted = false;
    for (let i = total - 1; i >= n * 4; i--) {
      if ((mask[i] ?? 0) !== 0) {
        tailPainted = true;
        break;
      }
    }
    if (!tailPainted) {
      let v = n - 1;
      while (v > w && words[v] === 0) v--;
      last = v * 4 + 3;
    }
  }
  while (first < total && (mask[first] ?? 0) === 0) first++;
  if (first >= total) return undefined;
  while (last > first && (mask[last] ?? 0) === 0) last--;
  const y0 = Math.floor(first / width);
  const y1 = Math.floor(last / width);
  let x0 = first - y0 * width;
  let x1 = last - y1 * width;
  if (y1 > y0) {
    // Rows y0 and y1 reach at least to the first/last found pixel; widen from every row's ends.
    for (let y = y0; y <= y1; y++) {
      const row = y * width;
      for (let x = 0; x < x0; x++) {
        if ((mask[row + x] ?? 0) > 0) {
          x0 = x;
          break;
        }
      }
      for (let x = width - 1; x > x1; x--) {
        if ((mask[row + x] ?? 0) > 0) {
          x1 = x;
          break;
        }
      }
    }
  }
  return { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}
