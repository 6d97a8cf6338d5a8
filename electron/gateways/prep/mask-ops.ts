import type { Rect } from '../../../shared/geometry.ts';

/**
 * Grow and feather, from an exact Euclidean distance transform. Exact matters: the promise is
 * that pixels farther than 32 px from the painted mask are never touched, and a chamfer or a
 * Gaussian blur would under-estimate diagonals or leak a long tail past that line.
 */

/** No pixel farther than this from the painted mask is ever changed. */
export const MAX_TOUCH_PX = 32;
/** Width of the ring just outside the edit area where colour statistics are compared. */
export const COLOUR_RING_PX = 16;

export interface BlendOptions {
  /** Fully replaced band around the painted mask. */
  growPx: number;
  /** Ramp from fully replaced to untouched after the grown band. */
  featherPx: number;
}

export const defaultBlendOptions: BlendOptions = { growPx: 8, featherPx: 16 };

/** Clamps grow+feather to MAX_TOUCH_PX, taking the excess out of the feather first. */
export function clampBlendOptions(options: BlendOptions): BlendOptions {
  const growPx = Math.max(0, Math.min(MAX_TOUCH_PX, options.growPx));
  const featherPx = Math.max(0, Math.min(MAX_TOUCH_PX - growPx, options.featherPx));
  return { growPx, featherPx };
}

/** Bounding box of the pixels with mask > 0, or undefined when the mask is empty. */
export function maskBounds(mask: Uint8Array, width: number, height: number): Rect | undefined {
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if ((mask[row + x] ?? 0) > 0) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        y1 = y;
      }
    }
  }
  return x1 < 0 ? undefined : { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

const FAR = 1e20;

/** Felzenszwalb–Huttenlocher 1-D squared distance transform of `f` (length n) into `d`. */
function edt1d(f: Float64Array, n: number, d: Float64Array, v: Int32Array, z: Float64Array): void {
  let k = 0;
  v[0] = 0;
  z[0] = -Infinity;
  z[1] = Infinity;
  for (let q = 1; q < n; q++) {
    const fq = (f[q] ?? FAR) + q * q;
    let vk = v[k] ?? 0;
    let s = (fq - ((f[vk] ?? FAR) + vk * vk)) / (2 * q - 2 * vk);
    while (s <= (z[k] ?? -Infinity)) {
      k--;
      vk = v[k] ?? 0;
      s = (fq - ((f[vk] ?? FAR) + vk * vk)) / (2 * q - 2 * vk);
    }
    k++;
    v[k] = q;
    z[k] = s;
    z[k + 1] = Infinity;
  }
  k = 0;
  for (let q = 0; q < n; q++) {
    while ((z[k + 1] ?? Infinity) < q) k++;
    const vk = v[k] ?? 0;
    d[q] = (q - vk) * (q - vk) + (f[vk] ?? FAR);
  }
}

/**
 * Euclidean distance from every pixel to the nearest pixel with mask > 0 (0 on the mask).
 * Only the mask's bounding box grown by `maxDistance` is computed; everything else is Infinity,
 * which is exact enough: those pixels are farther than `maxDistance` by construction.
 */
export function distanceFromMask(mask: Uint8Array, width: number, height: number, maxDistance: number): Float32Array {
  const out = new Float32Array(width * height).fill(Infinity);
  const bounds = maskBounds(mask, width, height);
  if (!bounds) return out;
  const pad = Math.ceil(maxDistance) + 1;
  const x0 = Math.max(0, bounds.x - pad);
  const y0 = Math.max(0, bounds.y - pad);
  const x1 = Math.min(width, bounds.x + bounds.width + pad);
  const y1 = Math.min(height, bounds.y + bounds.height + pad);
  const w = x1 - x0;
  const h = y1 - y0;
  // Float32 halves the memory for big crops; squared distances that matter (≤ 48²) stay exact.
  const grid = new Float32Array(w * h);
  const longest = Math.max(w, h);
  const f = new Float64Array(longest);
  const d = new Float64Array(longest);
  const v = new Int32Array(longest);
  const z = new Float64Array(longest + 1);
  // Columns first, then rows.
  for (let x = 0; x < w; x++) {
    for (let y = 0; y < h; y++) f[y] = (mask[(y + y0) * width + x + x0] ?? 0) > 0 ? 0 : FAR;
    edt1d(f, h, d, v, z);
    for (let y = 0; y < h; y++) grid[y * w + x] = d[y] ?? FAR;
  }
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) f[x] = grid[y * w + x] ?? FAR;
    edt1d(f, w, d, v, z);
    for (let x = 0; x < w; x++) {
      const squared = d[x] ?? FAR;
      out[(y + y0) * width + x + x0] = squared >= FAR ? Infinity : Math.sqrt(squared);
    }
  }
  return out;
}

/**
 * The blend mask: 255 on the painted mask and `growPx` around it, then a smooth ramp down to 0
 * at `growPx + featherPx` (≤ 32). Zero beyond, always.
 */
export function blendMaskFromDistance(distance: Float32Array, options: BlendOptions): Uint8Array {
  const { growPx, featherPx } = clampBlendOptions(options);
  const reach = growPx + featherPx;
  const out = new Uint8Array(distance.length);
  for (let i = 0; i < distance.length; i++) {
    const d = distance[i] ?? Infinity;
    if (d <= growPx) out[i] = 255;
    else if (d < reach) {
      const t = (d - growPx) / featherPx;
      const smooth = t * t * (3 - 2 * t);
      out[i] = Math.round(255 * (1 - smooth));
    }
  }
  return out;
}

/** What the model is told to repaint: every pixel the blend mask may touch. */
export function editAreaFromBlend(blend: Uint8Array): Uint8Array {
  const out = new Uint8Array(blend.length);
  for (let i = 0; i < blend.length; i++) out[i] = (blend[i] ?? 0) > 0 ? 255 : 0;
  return out;
}
