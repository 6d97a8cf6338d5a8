/**
 * Quality measures for a fill, all restricted to the hole:
 * - PSNR over the RGB of hole pixels;
 * - SSIM (Wang et al. 2004: 11×11 Gaussian window, σ = 1.5, on luma), the SSIM map averaged
 *   over hole pixels (each window centred on a hole pixel, so it also sees the seam);
 * - texture ratio: mean gradient magnitude (central differences on luma) inside the hole ÷
 *   the same in a 10 px ring around it. 1 means the fill is as busy as its surroundings;
 *   blurry fills score low. The original image's own ratio is reported beside it.
 */
import { holeDistances } from '../../electron/engine/distance-transform.ts';

export function luma(rgba: Uint8Array, n: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = 0.299 * rgba[i * 4]! + 0.587 * rgba[i * 4 + 1]! + 0.114 * rgba[i * 4 + 2]!;
  return out;
}

export function holePsnr(result: Uint8Array, truth: Uint8Array, mask: Uint8Array): number {
  let se = 0;
  let count = 0;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    for (let c = 0; c < 3; c++) {
      const d = result[i * 4 + c]! - truth[i * 4 + c]!;
      se += d * d;
      count++;
    }
  }
  return count === 0 ? Infinity : 10 * Math.log10((255 * 255) / Math.max(1e-9, se / count));
}

function gaussianBlur(src: Float32Array, width: number, height: number): Float32Array {
  const radius = 5;
  const kernel = new Float32Array(2 * radius + 1);
  let total = 0;
  for (let k = -radius; k <= radius; k++) total += kernel[k + radius] = Math.exp(-(k * k) / (2 * 1.5 * 1.5));
  for (let k = 0; k < kernel.length; k++) kernel[k]! /= total;
  const tmp = new Float32Array(src.length);
  const out = new Float32Array(src.length);
  // Edges clamp (replicate), as scikit-image's default does not matter much inside the hole.
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let s = 0;
      for (let k = -radius; k <= radius; k++) s += kernel[k + radius]! * src[y * width + Math.min(width - 1, Math.max(0, x + k))]!;
      tmp[y * width + x] = s;
    }
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let s = 0;
      for (let k = -radius; k <= radius; k++) s += kernel[k + radius]! * tmp[Math.min(height - 1, Math.max(0, y + k)) * width + x]!;
      out[y * width + x] = s;
    }
  }
  return out;
}

export function holeSsim(result: Uint8Array, truth: Uint8Array, mask: Uint8Array, width: number, height: number): number {
  const n = width * height;
  const a = luma(result, n);
  const b = luma(truth, n);
  const aa = new Float32Array(n);
  const bb = new Float32Array(n);
  const ab = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    aa[i] = a[i]! * a[i]!;
    bb[i] = b[i]! * b[i]!;
    ab[i] = a[i]! * b[i]!;
  }
  const [ma, mb, saa, sbb, sab] = [a, b, aa, bb, ab].map((x) => gaussianBlur(x, width, height)) as [
    Float32Array, Float32Array, Float32Array, Float32Array, Float32Array,
  ];
  const c1 = (0.01 * 255) ** 2;
  const c2 = (0.03 * 255) ** 2;
  let sum = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (!mask[i]) continue;
    const va = saa[i]! - ma[i]! * ma[i]!;
    const vb = sbb[i]! - mb[i]! * mb[i]!;
    const cov = sab[i]! - ma[i]! * mb[i]!;
    sum += ((2 * ma[i]! * mb[i]! + c1) * (2 * cov + c2)) / ((ma[i]! ** 2 + mb[i]! ** 2 + c1) * (va + vb + c2));
    count++;
  }
  return count === 0 ? 1 : sum / count;
}

/** Mean gradient magnitude in the hole ÷ in the ring of known pixels within 10 px of it. */
export function textureRatio(result: Uint8Array, mask: Uint8Array, width: number, height: number): number {
  const n = width * height;
  const y = luma(result, n);
  // Distance of known pixels to the hole = hole distance of the inverted mask.
  const inverted = new Uint8Array(n);
  for (let i = 0; i < n; i++) inverted[i] = mask[i] ? 0 : 1;
  const ringDistance = holeDistances(inverted, width, height);
  let inside = 0;
  let insideCount = 0;
  let ring = 0;
  let ringCount = 0;
  for (let py = 1; py < height - 1; py++) {
    for (let px = 1; px < width - 1; px++) {
      const i = py * width + px;
      const gx = (y[i + 1]! - y[i - 1]!) / 2;
      const gy = (y[i + width]! - y[i - width]!) / 2;
      const g = Math.hypot(gx, gy);
      if (mask[i]) {
        inside += g;
        insideCount++;
      } else if (ringDistance[i]! <= 10) {
        ring += g;
        ringCount++;
      }
    }
  }
  if (insideCount === 0 || ringCount === 0 || ring === 0) return 1;
  return inside / insideCount / (ring / ringCount);
}
