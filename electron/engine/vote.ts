/**
 * The "M" step of Wexler, Shechtman & Irani's completion ("Space-Time Completion of Video",
 * PAMI 2007): every hole pixel becomes the weighted mean of the colours that all patches
 * covering it propose through their nearest-neighbour matches. A patch's weight falls off with
 * its match distance, exp(−d / 2σ²), σ² being a low percentile of the distances, so
 * patches that found a good match dominate and poor ones barely blur.
 *
 * Gathering per hole pixel (instead of splatting per patch) means each call writes only its
 * own rows, and it reads only known source pixels, so it can run in place and by bands.
 *
 * At the finest level the vote can instead take the "best" proposal: each hole pixel copies the
 * colour proposed by the covering patch with the best match (a hard mode instead of the
 * mean). The mean of ~80 slightly misaligned proposals blurs the finest detail; the best
 * proposal keeps it. Measured on the bench photos: texture ratio +0.03 for −0.004 SSIM, which
 * the low-frequency correction then trades back (see low-frequency.ts). A best-proposal vote
 * can record, per hole pixel, the source pixel it copied (`copiedFrom`): poisson.ts uses that
 * to remove the steps where neighbouring pixels were copied from different places.
 */
import type { NearestNeighbourField } from './nearest-neighbour-field.ts';
import type { PyramidLevel } from './pyramid.ts';

/**
 * Wexler et al. use the 75th percentile; a lower one weighs good matches more sharply and
 * keeps more texture (measured on the bench photos: mean texture ratio 0.73 at the 75th
 * percentile, 0.80 at the 25th, 0.83 at the 10th, for −0.01 SSIM).
 */
const SIGMA_PERCENTILE = 0.1;

/** Per-pixel patch weights for the targets of `field` (0 elsewhere). */
export function patchWeights(
  field: NearestNeighbourField,
  weights = new Float32Array(field.width * field.height),
  sigmaPercentile = SIGMA_PERCENTILE,
): Float32Array {
  const { width, height, radius, targets, dist } = field;
  const normalized = new Float32Array(targets.length);
  targets.forEach((t, k) => {
    const x = t % width;
    const y = (t - x) / width;
    const cols = Math.min(width - 1, x + radius) - Math.max(0, x - radius) + 1;
    const rows = Math.min(height - 1, y + radius) - Math.max(0, y - radius) + 1;
    normalized[k] = dist[t]! / (cols * rows * 3);
  });
  const sigma2 = Math.max(1, percentile(normalized, sigmaPercentile));
  targets.forEach((t, k) => {
    // Floor keeps a pixel whose patches all matched badly from dividing by ~0.
    weights[t] = Math.max(1e-6, Math.exp(-normalized[k]! / (2 * sigma2)));
  });
  return weights;
}

/**
 * Re-estimates the hole pixels of rows [rowStart, rowEnd) in place. With `best`, `copiedFrom`
 * (if given) receives each hole pixel's source pixel index.
 */
export function voteHole(
  level: PyramidLevel,
  field: NearestNeighbourField,
  weights: Float32Array,
  rowStart = 0,
  rowEnd = level.height,
  best = false,
  copiedFrom?: Int32Array,
): void {
  const { width, height, rgba, hole } = level;
  const { radius, srcX, srcY } = field;
  for (let py = rowStart; py < rowEnd; py++) {
    for (let px = 0; px < width; px++) {
      const p = py * width + px;
      if (!hole[p]) continue;
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      let sum = 0;
      let bestWeight = -1;
      let bestSource = -1;
      const dyMin = Math.max(-radius, py - (height - 1));
      const dyMax = Math.min(radius, py);
      const dxMin = Math.max(-radius, px - (width - 1));
      const dxMax = Math.min(radius, px);
      for (let dy = dyMin; dy <= dyMax; dy++) {
        for (let dx = dxMin; dx <= dxMax; dx++) {
          // The patch centred at t = p − (dx,dy) covers p at its offset (dx,dy).
          const t = p - dy * width - dx;
          const sx = srcX[t]!;
          if (sx < 0) continue;
          const w = weights[t]!;
          const s = ((srcY[t]! + dy) * width + sx + dx) * 4;
          if (best) {
            // Strictly greater: ties go to the first in scan order, so the result is deterministic.
            if (w > bestWeight) {
              bestWeight = w;
              bestSource = s;
            }
            continue;
          }
          r += w * rgba[s]!;
          g += w * rgba[s + 1]!;
          b += w * rgba[s + 2]!;
          a += w * rgba[s + 3]!;
          sum += w;
        }
      }
      if (bestSource >= 0) {
        rgba.copyWithin(p * 4, bestSource, bestSource + 4);
        if (copiedFrom) copiedFrom[p] = bestSource >> 2;
        continue;
      }
      if (sum > 0) {
        const o = p * 4;
        rgba[o] = Math.round(r / sum);
        rgba[o + 1] = Math.round(g / sum);
        rgba[o + 2] = Math.round(b / sum);
        rgba[o + 3] = Math.round(a / sum);
      }
    }
  }
}

/** The p-quantile of `values`, from an evenly strided sample of at most 32768 of them. */
function percentile(values: Float32Array, p: number): number {
  if (values.length === 0) return 0;
  const stride = Math.max(1, Math.floor(values.length / 32768));
  const sample = new Float32Array(Math.ceil(values.length / stride));
  for (let i = 0, k = 0; i < values.length; i += stride) sample[k++] = values[i]!;
  sample.sort();
  return sample[Math.min(sample.length - 1, Math.floor(sample.length * p))]!;
}
