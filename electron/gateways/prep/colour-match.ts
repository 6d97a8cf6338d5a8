import type { RgbaImage } from '../../services/rgba-image.ts';

/**
 * Hosted models shift tone (white balance, contrast) across the whole picture. In the ring just
 * outside the area they were told to repaint, the answer should equal the original; per-channel
 * mean/std transfer measured there removes the drift so the feathered seam does not show.
 */

export interface ColourMatch {
  applied: boolean;
  gain: [number, number, number];
  offset: [number, number, number];
  /** Why it was skipped, for logs. */
  reason?: string;
}

const MIN_RING_PIXELS = 64;
/** A mean difference above this is a repainted ring (mask ignored), not a tone shift. */
const MAX_MEAN_SHIFT = 40;

export function matchColoursInRing(original: RgbaImage, result: RgbaImage, distance: Float32Array, innerPx: number, outerPx: number): ColourMatch {
  const sum = [0, 0, 0, 0, 0, 0];
  const sq = [0, 0, 0, 0, 0, 0];
  let count = 0;
  for (let i = 0; i < distance.length; i++) {
    const d = distance[i] ?? Infinity;
    if (d < innerPx || d > outerPx) continue;
    const o = i * 4;
    if ((original.data[o + 3] ?? 0) < 255) continue;
    for (let c = 0; c < 3; c++) {
      const a = original.data[o + c] ?? 0;
      const b = result.data[o + c] ?? 0;
      sum[c] = (sum[c] ?? 0) + a;
      sq[c] = (sq[c] ?? 0) + a * a;
      sum[c + 3] = (sum[c + 3] ?? 0) + b;
      sq[c + 3] = (sq[c + 3] ?? 0) + b * b;
    }
    count++;
  }
  const none: ColourMatch = { applied: false, gain: [1, 1, 1], offset: [0, 0, 0] };
  if (count < MIN_RING_PIXELS) return { ...none, reason: 'ring too small' };
  const gain: [number, number, number] = [1, 1, 1];
  const offset: [number, number, number] = [0, 0, 0];
  for (let c = 0; c < 3; c++) {
    const meanO = (sum[c] ?? 0) / count;
    const meanR = (sum[c + 3] ?? 0) / count;
    if (Math.abs(meanO - meanR) > MAX_MEAN_SHIFT) return { ...none, reason: 'the model repainted the ring' };
    const stdO = Math.sqrt(Math.max(0, (sq[c] ?? 0) / count - meanO * meanO));
    const stdR = Math.sqrt(Math.max(0, (sq[c + 3] ?? 0) / count - meanR * meanR));
    const g = stdR < 2 || stdO < 2 ? 1 : Math.min(1.5, Math.max(0.67, stdO / stdR));
    gain[c] = g;
    offset[c] = meanO - g * meanR;
  }
  if (gain.every((g) => Math.abs(g - 1) < 0.01) && offset.every((o) => Math.abs(o) < 0.5)) return { applied: false, gain, offset, reason: 'already matched' };
  const data = result.data;
  for (let i = 0; i < data.length; i += 4) {
    for (let c = 0; c < 3; c++) data[i + c] = Math.max(0, Math.min(255, Math.round((data[i + c] ?? 0) * gain[c]! + offset[c]!)));
  }
  return { applied: true, gain, offset };
}
