/**
 * Low-frequency correction of a content-aware fill. Patch voting copies texture well but its
 * local mean colour drifts (a patch from elsewhere brings its own brightness), while diffusion
 * gets the local mean right and has no texture (Bertalmío et al., "Simultaneous structure and
 * texture image inpainting", 2003, make the same split). So the hole's low frequencies are
 * replaced by a smooth fill's: fill += blur(smooth − fill) / blur(hole), the blur being two box
 * passes of radius 4 and the division (normalised convolution) keeping the correction at full
 * strength up to the hole's edge, where known pixels contribute no difference. Its change of
 * hue is limited (MAX_HUE_CORRECTION); its change of brightness is not. Patch fill keeps
 * the detail finer than the blur; colour drift and misplaced blotches go.
 *
 * Where the patches matched their sources exactly (a repeating texture reconstructed as it
 * was), the patch fill is trusted over the smooth one: the correction is scaled by
 * 1 − exp(−d / TRUST_SCALE), d being the finest field's match distance (mean squared
 * difference per channel), blurred like the difference. Without that, full strength pulled
 * patchmatch.test.ts's periodic texture from an exact copy to 24 dB.
 *
 * Measured on the bench photos (means of 18 cases, SSIM / texture ratio), without the trust
 * scaling: strength 1 0.520 / 0.806, strength ½ 0.519 / 0.791; blur radius 2 instead of 4
 * 0.531 / 0.774 (too smooth for the texture goal); normalising adds about +0.001 SSIM. With
 * it: 0.519 / 0.825.
 */
import type { NearestNeighbourField } from './nearest-neighbour-field.ts';
import type { PyramidLevel } from './pyramid.ts';
import { maskBounds } from '../../shared/mask-bounds.ts';
import { clampByte } from './clamp-byte.ts';

const BLUR_RADIUS = 4;
const BLUR_PASSES = 2;
const STRENGTH = 1;
/** Match distance (mean squared difference per channel) at which the correction is at 63 %. */
const TRUST_SCALE = 4;
/**
 * The largest change of hue the correction may make: the length, in levels, of its colour
 * vector minus that vector's luma on every channel. Its luma part (brightness) is never
 * limited. A bigger colour difference between the smooth and the patch fill means they disagree
 * on the material, and adding it to a pixel of a third colour invents a hue found in neither: a
 * white strap copied into the astronaut's suit, corrected from orange towards the dark helmet,
 * turned cyan (139 px of one fill in the app; none with this limit). Measured on the bench
 * photos: SSIM the same, texture ratio −0.003, PSNR −0.02 dB.
 */
const MAX_HUE_CORRECTION = 16;

/**
 * `fill` and `smooth` are full-size RGBA; only hole pixels of `fill` change. Work is limited
 * to the hole's bounding box plus the blur's reach.
 */
export function correctLowFrequencies(fill: PyramidLevel, smooth: Uint8Array, field?: NearestNeighbourField): void {
  const { width, height, rgba, hole } = fill;
  const reach = BLUR_RADIUS * BLUR_PASSES;
  const bounds = maskBounds(hole, width, height);
  if (!bounds) return;
  const x0 = Math.max(0, bounds.x - reach);
  const y0 = Math.max(0, bounds.y - reach);
  const x1 = Math.min(width - 1, bounds.x + bounds.width - 1 + reach);
  const y1 = Math.min(height - 1, bounds.y + bounds.height - 1 + reach);
  const w = x1 - x0 + 1;
  const h = y1 - y0 + 1;
  const scratch = new Float32Array(w * h);
  // How much of each blur window lies in the hole (> 0 at every hole pixel).
  let cover: Float32Array = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) cover[y * w + x] = hole[(y + y0) * width + x + x0]!;
  }
  for (let pass = 0; pass < BLUR_PASSES; pass++) cover = boxBlur(cover, scratch, w, h, BLUR_RADIUS);
  let trust: Float32Array = new Float32Array(w * h).fill(1);
  if (field) {
    const { radius, dist, srcX } = field;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const gx = x + x0;
        const gy = y + y0;
        const i = gy * width + gx;
        if (!hole[i] || srcX[i]! < 0) continue;
        const cols = Math.min(width - 1, gx + radius) - Math.max(0, gx - radius) + 1;
        const rows = Math.min(height - 1, gy + radius) - Math.max(0, gy - radius) + 1;
        trust[y * w + x] = 1 - Math.exp(-dist[i]! / (cols * rows * 3) / TRUST_SCALE);
      }
    }
    for (let pass = 0; pass < BLUR_PASSES; pass++) trust = boxBlur(trust, scratch, w, h, BLUR_RADIUS);
  }
  // The correction per channel, blurred; applied together so that its hue change can be limited.
  const corrections: Float32Array[] = [];
  for (let c = 0; c < 3; c++) {
    let diff: Float32Array = new Float32Array(w * h);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const i = (y + y0) * width + x + x0;
        if (hole[i]) diff[y * w + x] = smooth[i * 4 + c]! - rgba[i * 4 + c]!;
      }
    }
    for (let pass = 0; pass < BLUR_PASSES; pass++) diff = boxBlur(diff, scratch, w, h, BLUR_RADIUS);
    corrections.push(diff);
  }
  const [dr, dg, db] = corrections as [Float32Array, Float32Array, Float32Array];
  const limited = new Float64Array(3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y + y0) * width + x + x0;
      if (!hole[i]) continue;
      const k = y * w + x;
      const scale = (STRENGTH * trust[k]!) / cover[k]!;
      limitHueChange(dr[k]! * scale, dg[k]! * scale, db[k]! * scale, MAX_HUE_CORRECTION, limited);
      const o = i * 4;
      rgba[o] = clampByte(rgba[o]! + limited[0]!);
      rgba[o + 1] = clampByte(rgba[o + 1]! + limited[1]!);
      rgba[o + 2] = clampByte(rgba[o + 2]! + limited[2]!);
    }
  }
}

/** Writes into `out` the correction (r, g, b) with its hue change limited to `maxHue` (see MAX_HUE_CORRECTION). */
export function limitHueChange(r: number, g: number, b: number, maxHue: number, out: Float64Array): void {
  // Rec. 601 luma; the weights sum to 1, so adding it to every channel adds it to luma.
  const l = 0.299 * r + 0.587 * g + 0.114 * b;
  const hue = Math.hypot(r - l, g - l, b - l);
  const keep = hue > maxHue ? maxHue / hue : 1;
  out[0] = l + (r - l) * keep;
  out[1] = l + (g - l) * keep;
  out[2] = l + (b - l) * keep;
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
