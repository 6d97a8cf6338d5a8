/** Synthetic holes for the benchmark: smooth random blobs and an outpainting band. */
import { mulberry32 } from '../../electron/engine/prng.ts';

/**
 * A "potato" blob covering `fraction` of the image: a disc whose radius wobbles with a few
 * low-frequency harmonics, centred near (but not at) the middle. Deterministic per seed.
 */
export function blobMask(width: number, height: number, fraction: number, seed: number): Uint8Array {
  const random = mulberry32(seed);
  const harmonics = [2, 3, 4, 5].map((k) => ({ k, amp: 0.08 + random() * 0.1, phase: random() * Math.PI * 2 }));
  const cx = width * (0.4 + random() * 0.2);
  const cy = height * (0.4 + random() * 0.2);
  const draw = (radius: number): Uint8Array => {
    const mask = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const dx = x - cx;
        const dy = y - cy;
        const theta = Math.atan2(dy, dx);
        let r = radius;
        for (const h of harmonics) r += radius * h.amp * Math.cos(h.k * theta + h.phase);
        if (dx * dx + dy * dy <= r * r) mask[y * width + x] = 255;
      }
    }
    return mask;
  };
  // Bisect the base radius for the requested area.
  let lo = 1;
  let hi = Math.max(width, height);
  for (let i = 0; i < 20; i++) {
    const mid = (lo + hi) / 2;
    const area = draw(mid).reduce((sum, v) => sum + (v ? 1 : 0), 0);
    if (area < fraction * width * height) lo = mid;
    else hi = mid;
  }
  return draw((lo + hi) / 2);
}

/** An outpainting band: the last `thickness` columns on the right are unknown. */
export function borderBandMask(width: number, height: number, thickness: number): Uint8Array {
  const mask = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = width - thickness; x < width; x++) mask[y * width + x] = 255;
  }
  return mask;
}
