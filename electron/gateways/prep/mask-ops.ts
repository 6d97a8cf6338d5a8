import type { Rect } from '../../../shared/geometry.ts';
import { maskBounds } from '../../../shared/mask-bounds.ts';

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
 * Distances inside `box` only (crop coordinates, row-major, `box.width × box.height`); every
 * pixel outside it is farther than the `maxDistance` it was computed for.
 */
export interface DistanceField {
  box: Rect;
  data: Float32Array;
}

/**
 * Euclidean distance to the nearest pixel with mask > 0 (0 on the mask), computed only in the
 * mask's bounding box grown by `maxDistance`: the only place anything is blended, compared or
 * sent as edit area. A 24 MP job's crop (2472²) never gets walked or filled as a whole.
 */
export function distanceField(mask: Uint8Array, width: number, height: number, maxDistance: number): DistanceField {
  const bounds = maskBounds(mask, width, height);
  if (!bounds) return { box: { x: 0, y: 0, width: 0, height: 0 }, data: new Float32Array(0) };
  const pad = Math.ceil(maxDistance) + 1;
  const x0 = Math.max(0, bounds.x - pad);
  const y0 = Math.max(0, bounds.y - pad);
  const x1 = Math.min(width, bounds.x + bounds.width + pad);
  const y1 = Math.min(height, bounds.y + bounds.height + pad);
  const w = x1 - x0;
  const h = y1 - y0;
  // Float32 halves the memory for big crops; squared distances that matter (≤ 53²) stay exact.
  const grid = new Float32Array(w * h);
  // Columns: the squared distance to the nearest painted pixel above or below, in two row-major
  // sweeps (the 1-D transform of a 0/∞ column is just that, and rows are cache-friendly).
  const NONE = 1e9;
  for (let y = 0; y < h; y++) {
    const m = (y + y0) * width + x0;
    const row = y * w;
    for (let x = 0; x < w; x++) grid[row + x] = (mask[m + x] ?? 0) > 0 ? 0 : y > 0 ? grid[row - w + x]! + 1 : NONE;
  }
  const below = new Float64Array(w);
  for (let y = h - 1; y >= 0; y--) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      const up = grid[row + x]!;
      const down = up === 0 ? 0 : y < h - 1 ? below[x]! + 1 : NONE;
      below[x] = down;
      const nearest = up < down ? up : down;
      grid[row + x] = nearest >= NONE / 2 ? FAR : nearest * nearest;
    }
  }
  // Rows: the exact 1-D transform (lower envelope of parabolas), run between painted pixels only.
  // A painted pixel (0) is nearer than anything beyond it, so each gap between painted runs, with
  // the painted pixel at either end, is solved on its own and the painted runs are skipped: inside
  // a big mask that is most of the box.
  const f = new Float64Array(w + 2);
  const d = new Float64Array(w + 2);
  const v = new Int32Array(w + 2);
  const z = new Float64Array(w + 3);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    let x = 0;
    while (x < w) {
      if (grid[row + x] === 0) {
        x++;
        continue;
      }
      const start = x;
      while (x < w && grid[row + x] !== 0) x++;
      const from = start > 0 ? start - 1 : start;
      const to = x < w ? x + 1 : x;
      let reachable = false;
      for (let i = from; i < to; i++) {
        const value = grid[row + i]!;
        f[i - from] = value;
        if (value < FAR) reachable = true;
      }
      if (!reachable) {
        grid.fill(Infinity, row + start, row + x);
        continue;
      }
      edt1d(f, to - from, d, v, z);
      for (let q = start; q < x; q++) {
        const squared = d[q - from] ?? FAR;
        grid[row + q] = squared >= FAR ? Infinity : Math.sqrt(squared);
      }
    }
  }
  return { box: { x: x0, y: y0, width: w, height: h }, data: grid };
}

/**
 * Euclidean distance from every pixel to the nearest pixel with mask > 0 (0 on the mask), as a
 * full-size array: `distanceField` spread over the crop, Infinity outside its box (exact enough:
 * those pixels are farther than `maxDistance` by construction).
 */
export function distanceFromMask(mask: Uint8Array, width: number, height: number, maxDistance: number): Float32Array {
  const out = new Float32Array(width * height).fill(Infinity);
  const { box, data } = distanceField(mask, width, height, maxDistance);
  for (let y = 0; y < box.height; y++) out.set(data.subarray(y * box.width, (y + 1) * box.width), (y + box.y) * width + box.x);
  return out;
}

function blendValue(d: number, growPx: number, featherPx: number): number {
  if (d <= growPx) return 255;
  if (d < growPx + featherPx) {
    const t = (d - growPx) / featherPx;
    const smooth = t * t * (3 - 2 * t);
    return Math.round(255 * (1 - smooth));
  }
  return 0;
}

/**
 * The blend mask: 255 on the painted mask and `growPx` around it, then a smooth ramp down to 0
 * at `growPx + featherPx` (≤ 32). Zero beyond, always.
 */
export function blendMaskFromDistance(distance: Float32Array, options: BlendOptions): Uint8Array {
  const { growPx, featherPx } = clampBlendOptions(options);
  const out = new Uint8Array(distance.length);
  for (let i = 0; i < distance.length; i++) out[i] = blendValue(distance[i] ?? Infinity, growPx, featherPx);
  return out;
}

/**
 * The same blend mask, full crop size, from a field: only the field's box is visited. With
 * `editArea` (full crop size, zeroed), the edit area (blend > 0 → 255) is written in the same pass.
 */
export function blendMaskFromField(field: DistanceField, width: number, height: number, options: BlendOptions, editArea?: Uint8Array): Uint8Array {
  const { growPx, featherPx } = clampBlendOptions(options);
  const out = new Uint8Array(width * height);
  const { box, data } = field;
  for (let y = 0; y < box.height; y++) {
    const from = y * box.width;
    const to = (y + box.y) * width + box.x;
    for (let x = 0; x < box.width; x++) {
      const d = data[from + x]!;
      const value = d === 0 ? 255 : d < growPx + featherPx || d <= growPx ? blendValue(d, growPx, featherPx) : 0;
      if (value === 0) continue;
      out[to + x] = value;
      if (editArea) editArea[to + x] = 255;
    }
  }
  return out;
}

/**
 * What the model is told to repaint: every pixel the blend mask may touch. With `box` (the
 * field's box, outside which the blend is 0 by construction) only that part is visited.
 */
export function editAreaFromBlend(blend: Uint8Array, width?: number, box?: Rect): Uint8Array {
  const out = new Uint8Array(blend.length);
  if (width === undefined || box === undefined) {
    for (let i = 0; i < blend.length; i++) out[i] = (blend[i] ?? 0) > 0 ? 255 : 0;
    return out;
  }
  for (let y = box.y; y < box.y + box.height; y++) {
    for (let i = y * width + box.x, end = i + box.width; i < end; i++) if (blend[i]! > 0) out[i] = 255;
  }
  return out;
}
