/**
 * Gradient-domain seam blending of a content-aware fill (Pérez, Gangnet & Blake, "Poisson
 * image editing", 2003, seamless cloning): the result keeps the fill's gradients between hole
 * pixels, takes the known pixels as its boundary values, and across the seam (a hole pixel p
 * beside a known q) follows the gradient that p's matched source shows there, as far as that match
 * is trusted, else no gradient (the hole's side pulled to the known value). So the colour
 * step a patch leaves at the hole's edge is spread over the hole as a smooth (harmonic)
 * correction instead of showing as an edge, the texture inside is untouched, and a patch that
 * continues its surroundings exactly (a repeating texture) gets no correction at all.
 *
 * Solved for the correction e = result − fill (Δe = 0 in the hole, the seam mismatch
 * (known(q) − S(q′)) − (fill(p) − S(p′)) as its only source, Neumann at the image's border) by
 * successive over-relaxation from e = 0, on the hole pixels only, in a
 * fixed order: deterministic, and the known pixels are never written. About 0.1 s for the
 * 50 k px hole of the 1 MP speed case.
 *
 * Measured on the bench photos (means of 18 cases, PSNR / SSIM / texture ratio), from
 * 18.19 / 0.521 / 0.811 without it: 300 iterations 18.05 / 0.525 / 0.825 (1000: the same);
 * with no guidance across the seam (a membrane: the hole pulled to the known values)
 * 18.14 / 0.525 / 0.832, 150 iterations the same, but that flattens a texture's own step at the
 * seam (patchmatch.test.ts's periodic texture: 33 → 25 dB), hence the trust-scaled guidance
 * (shipped, 150 iterations, see bench/fill/results.md); before the low-frequency correction
 * instead of after it 18.51 / 0.518 / 0.819.
 *
 * Seams inside the hole are removed the same way (gradient-domain fusion, as in Agarwala et
 * al., "Interactive Digital Photomontage", 2004): the best-proposal vote copies each hole pixel
 * from some source pixel, and where two neighbours were copied from different places the fill
 * has a step that belongs to neither source, visible as blotches in smooth areas (a blurred
 * background extended by 40 px showed patch-shaped islands). Between such neighbours the
 * guidance is what the two sources themselves show across that offset (the mean of both
 * views), so the step is spread out while every copied texture keeps its own gradients.
 * Measured on the bench photos, from 18.15 / 0.525 / 0.832: 18.49 / 0.537 / 0.772 (the texture
 * ratio falls because the steps were counted as texture).
 */
import type { NearestNeighbourField } from './nearest-neighbour-field.ts';
import type { PyramidLevel } from './pyramid.ts';
import { clampByte } from './clamp-byte.ts';

const OMEGA = 1.9;
/**
 * The source's gradient across the seam is followed in proportion to exp(−d / GUIDE_TRUST_SCALE),
 * d being p's match distance (mean squared difference per channel, as in low-frequency.ts):
 * fully where the patch continues its surroundings exactly, hardly at all where it is only a
 * plausible texture (there the membrane measured better, see above).
 */
const GUIDE_TRUST_SCALE = 4;

/**
 * Only hole pixels of `fill.rgba` change; `field` is the finest level's (each hole pixel's
 * matched source centre, whose pixels are known and so read from `fill.rgba` too);
 * `copiedFrom` (optional) is each hole pixel's source pixel from the best-proposal vote, for
 * the seams inside the hole.
 */
export function poissonBlendSeams(fill: PyramidLevel, field: NearestNeighbourField, iterations: number, copiedFrom?: Int32Array): void {
  const { width, height, rgba, hole } = fill;
  const { srcX, srcY, dist, radius } = field;
  let m = 0;
  for (let i = 0; i < hole.length; i++) if (hole[i]) m++;
  if (m === 0) return;
  const holeIndex = new Int32Array(m);
  // Compact index of every hole pixel, −1 elsewhere.
  const slot = new Int32Array(width * height).fill(-1);
  for (let i = 0, k = 0; i < hole.length; i++) {
    if (!hole[i]) continue;
    holeIndex[k] = i;
    slot[i] = k++;
  }
  // Per hole pixel: up to 4 neighbour slots (−1 = known or outside), the in-image neighbour
  // count, and the seam mismatch Σ (known neighbour − fill) per channel.
  const nbr = new Int32Array(m * 4).fill(-1);
  const count = new Uint8Array(m);
  const rhs = new Float32Array(m * 3);
  for (let k = 0; k < m; k++) {
    const i = holeIndex[k]!;
    const x = i % width;
    const y = (i - x) / width;
    let c = 0;
    let guide: number | undefined;
    for (let d = 0; d < 4; d++) {
      const qx = d === 0 ? x + 1 : d === 1 ? x - 1 : x;
      const qy = d === 2 ? y + 1 : d === 3 ? y - 1 : y;
      if (qx < 0 || qy < 0 || qx >= width || qy >= height) continue;
      const q = qy * width + qx;
      c++;
      if (hole[q]) {
        nbr[k * 4 + d] = slot[q]!;
        if (copiedFrom) addInternalSeamStep(fill, copiedFrom, i, q, qx - x, qy - y, rhs, k * 3);
        continue;
      }
      // Guidance across the seam: the gradient the matched source shows there, S(p′) − S(q′).
      const psx = srcX[i]!;
      const psy = srcY[i]!;
      const qsx = psx + qx - x;
      const qsy = psy + qy - y;
      // No usable source gradient (never for a target): leave this edge out.
      if (psx < 0 || psy < 0 || qsx < 0 || qsy < 0 || qsx >= width || qsy >= height) continue;
      if (guide === undefined) {
        const cols = Math.min(width - 1, x + radius) - Math.max(0, x - radius) + 1;
        const rows = Math.min(height - 1, y + radius) - Math.max(0, y - radius) + 1;
        guide = Math.exp(-dist[i]! / (cols * rows * 3) / GUIDE_TRUST_SCALE);
      }
      const ps = (psy * width + psx) * 4;
      const qs = (qsy * width + qsx) * 4;
      for (let ch = 0; ch < 3; ch++) {
        rhs[k * 3 + ch] = rhs[k * 3 + ch]! + rgba[q * 4 + ch]! - rgba[i * 4 + ch]! + guide * (rgba[ps + ch]! - rgba[qs + ch]!);
      }
    }
    count[k] = c;
  }
  // The three channels are independent; one pass updates all of them (same results as
  // channel by channel, a third of the loop overhead).
  const e = new Float32Array(m * 3);
  for (let it = 0; it < iterations; it++) {
    for (let k = 0; k < m; k++) {
      const cnt = count[k]!;
      if (cnt === 0) continue;
      const o = k * 3;
      let r = rhs[o]!;
      let g = rhs[o + 1]!;
      let bl = rhs[o + 2]!;
      const b = k * 4;
      for (let d = 0; d < 4; d++) {
        const q = nbr[b + d]!;
        if (q < 0) continue;
        const qo = q * 3;
        r += e[qo]!;
        g += e[qo + 1]!;
        bl += e[qo + 2]!;
      }
      e[o] = e[o]! + OMEGA * (r / cnt - e[o]!);
      e[o + 1] = e[o + 1]! + OMEGA * (g / cnt - e[o + 1]!);
      e[o + 2] = e[o + 2]! + OMEGA * (bl / cnt - e[o + 2]!);
    }
  }
  for (let k = 0; k < m; k++) {
    for (let ch = 0; ch < 3; ch++) {
      const o = holeIndex[k]! * 4 + ch;
      rgba[o] = clampByte(rgba[o]! + e[k * 3 + ch]!);
    }
  }
}

/**
 * For hole neighbours p and q = p + (dx, dy): adds to rhs[o..o+2] the part of the copied step
 * from p to q that neither source shows, S(q′) − S(p′) − mean(S(p′ + δ) − S(p′),
 * S(q′) − S(q′ − δ)), p′ and q′ being the pixels p and q were copied from. (The copied values,
 * not the fill's: the low-frequency correction's own gradient is kept.) Zero where q continues
 * p's copy (q′ = p′ + δ) and where neither source has a known pixel at that offset.
 */
function addInternalSeamStep(
  fill: PyramidLevel,
  copiedFrom: Int32Array,
  p: number,
  q: number,
  dx: number,
  dy: number,
  rhs: Float32Array,
  o: number,
): void {
  const { width, rgba } = fill;
  const ps = copiedFrom[p]!;
  const qs = copiedFrom[q]!;
  const delta = dy * width + dx;
  if (ps < 0 || qs < 0 || qs === ps + delta) return;
  const psx = ps % width;
  const psy = (ps - psx) / width;
  const qsx = qs % width;
  const qsy = (qs - qsx) / width;
  const pView = isKnown(fill, psx + dx, psy + dy);
  const qView = isKnown(fill, qsx - dx, qsy - dy);
  if (!pView && !qView) return;
  const views = (pView ? 1 : 0) + (qView ? 1 : 0);
  for (let ch = 0; ch < 3; ch++) {
    let gradient = 0;
    if (pView) gradient += rgba[(ps + delta) * 4 + ch]! - rgba[ps * 4 + ch]!;
    if (qView) gradient += rgba[qs * 4 + ch]! - rgba[(qs - delta) * 4 + ch]!;
    rhs[o + ch] = rhs[o + ch]! + rgba[qs * 4 + ch]! - rgba[ps * 4 + ch]! - gradient / views;
  }
}

function isKnown(level: PyramidLevel, x: number, y: number): boolean {
  return x >= 0 && y >= 0 && x < level.width && y < level.height && !level.hole[y * level.width + x];
}
