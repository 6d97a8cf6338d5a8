/**
 * The starting guess at the coarsest pyramid level: the hole is filled pixel by pixel from its
 * boundary inward ("onion peel"), each pixel copying the centre of the known patch that best
 * matches its already-filled surroundings. Unlike a smooth (diffusion) start, this carries
 * texture and structure into the hole, so the EM iterations do not settle on a flat region's
 * patches, which would otherwise match a blurry guess best.
 *
 * The coarsest level is tiny, so the search is exhaustive over a (deterministically thinned)
 * set of source patches.
 */
import { holeDistances } from './distance-transform.ts';
import type { SourceSet } from './nearest-neighbour-field.ts';
import type { PyramidLevel } from './pyramid.ts';
import type { Random } from './prng.ts';

/** Upper bound on candidate comparisons, to keep this step in the tens of milliseconds. */
const MAX_COMPARISONS = 4_000_000;

export function onionPeelFill(level: PyramidLevel, radius: number, sources: SourceSet, random: Random): void {
  const { width, height, rgba, hole } = level;
  const distance = holeDistances(hole, width, height);
  const order: number[] = [];
  for (let i = 0; i < hole.length; i++) if (hole[i]) order.push(i);
  // Nearest to the boundary first; ties in scan order, so the order is deterministic.
  order.sort((a, b) => distance[a]! - distance[b]! || a - b);

  const candidates = thinSources(sources.list, Math.max(1, Math.floor(MAX_COMPARISONS / Math.max(1, order.length))), random);
  const filled = new Uint8Array(hole.length);
  for (let i = 0; i < hole.length; i++) filled[i] = hole[i] ? 0 : 1;

  for (const p of order) {
    const px = p % width;
    const py = (p - px) / width;
    let best = Infinity;
    let bestSource = -1;
    for (let k = 0; k < candidates.length; k++) {
      const s = candidates[k]!;
      const sx = s % width;
      const sy = (s - sx) / width;
      const d = filledPatchDistance(rgba, filled, width, height, radius, px, py, sx, sy, best);
      if (d < best) {
        best = d;
        bestSource = s;
      }
    }
    if (bestSource >= 0) rgba.copyWithin(p * 4, bestSource * 4, bestSource * 4 + 4);
    filled[p] = 1;
  }
}

function thinSources(list: Int32Array, keep: number, random: Random): Int32Array {
  if (list.length <= keep) return list;
  // Partial Fisher–Yates shuffle: a uniform sample of `keep` sources.
  const copy = Int32Array.from(list);
  for (let i = 0; i < keep; i++) {
    const j = i + Math.floor(random() * (copy.length - i));
    const tmp = copy[i]!;
    copy[i] = copy[j]!;
    copy[j] = tmp;
  }
  return copy.subarray(0, keep);
}

/** Mean squared RGB difference over the target patch's filled, in-image pixels. */
function filledPatchDistance(
  rgba: Uint8Array,
  filled: Uint8Array,
  width: number,
  height: number,
  radius: number,
  tx: number,
  ty: number,
  sx: number,
  sy: number,
  limit: number,
): number {
  let sum = 0;
  let count = 0;
  for (let dy = -radius; dy <= radius; dy++) {
    const y = ty + dy;
    if (y < 0 || y >= height) continue;
    for (let dx = -radius; dx <= radius; dx++) {
      const x = tx + dx;
      if (x < 0 || x >= width) continue;
      const t = y * width + x;
      if (!filled[t]) continue;
      const s = ((sy + dy) * width + sx + dx) * 4;
      const dr = rgba[t * 4]! - rgba[s]!;
      const dg = rgba[t * 4 + 1]! - rgba[s + 1]!;
      const db = rgba[t * 4 + 2]! - rgba[s + 2]!;
      sum += dr * dr + dg * dg + db * db;
      count++;
    }
  }
  // Every hole pixel being filled has a filled 8-neighbour, so count > 0 in practice.
  return count === 0 ? limit : sum / count;
}
