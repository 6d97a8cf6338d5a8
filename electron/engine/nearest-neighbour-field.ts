/**
 * The PatchMatch nearest-neighbour field (Barnes, Shechtman, Finkelstein, Goldman,
 * "PatchMatch: A Randomized Correspondence Algorithm for Structural Image Editing", 2009),
 * written for this project.
 *
 * Targets are the centres of every patch that overlaps the hole; sources are the centres of
 * patches lying wholly inside the image and wholly in the known region, so a source never
 * copies hole pixels and a target can never match itself. Distances are integer sums of
 * squared RGB differences over the target patch's in-image pixels, with early termination.
 *
 * Rows are processed in fixed bands of BAND_ROWS, and propagation never crosses a band's first
 * row, with each row drawing from its own seeded random stream: the result is the same however
 * the bands are scheduled, which keeps fills deterministic and lets bands run in parallel.
 */
import type { PyramidLevel } from './pyramid.ts';
import { mixSeed, mulberry32 } from './prng.ts';
import { holeDistances } from './distance-transform.ts';

export const BAND_ROWS = 32;
const NO_MATCH = -1;
const WORST = 0x7fffffff;

export interface SourceSet {
  /** 1 where a patch centred here is wholly inside the image and known. */
  valid: Uint8Array;
  /** Pixel indices of the valid centres, for random choices. */
  list: Int32Array;
}

export interface NearestNeighbourField {
  width: number;
  height: number;
  radius: number;
  /** Pixel indices of the target centres, row-major. */
  targets: Int32Array;
  /** Per pixel: matched source centre, or -1 where the pixel is not a target. */
  srcX: Int32Array;
  srcY: Int32Array;
  /** Per pixel: SSD of the current match. */
  dist: Int32Array;
  sources: SourceSet;
}

/**
 * Valid source centres. With `maxDistance`, only centres within that many pixels of the hole
 * (the locality restriction for holes at the image's edge, see patchmatch.ts). With `exclude`,
 * no patch that touches an excluded pixel (>0) is a source.
 */
export function findSources(level: PyramidLevel, radius: number, maxDistance = Infinity, exclude?: Uint8Array): SourceSet {
  const { width, height, hole } = level;
  let near: Float32Array | undefined;
  if (maxDistance < Infinity) {
    // Distance of each known pixel to the hole = hole distance of the inverted mask.
    const known = new Uint8Array(hole.length);
    for (let i = 0; i < hole.length; i++) known[i] = hole[i] ? 0 : 1;
    near = holeDistances(known, width, height);
  }
  // Summed-area table of unusable (hole or excluded) pixels, (width+1)×(height+1).
  const sw = width + 1;
  const sat = new Int32Array(sw * (height + 1));
  for (let y = 0; y < height; y++) {
    let row = 0;
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      row += hole[i] || (exclude && exclude[i]) ? 1 : 0;
      sat[(y + 1) * sw + x + 1] = sat[y * sw + x + 1]! + row;
    }
  }
  const valid = new Uint8Array(width * height);
  let list = new Int32Array(1024);
  let count = 0;
  for (let y = radius; y < height - radius; y++) {
    for (let x = radius; x < width - radius; x++) {
      const y0 = y - radius;
      const y1 = y + radius + 1;
      const x0 = x - radius;
      const x1 = x + radius + 1;
      const unusable = sat[y1 * sw + x1]! - sat[y0 * sw + x1]! - sat[y1 * sw + x0]! + sat[y0 * sw + x0]!;
      if (unusable === 0 && (!near || near[y * width + x]! <= maxDistance)) {
        valid[y * width + x] = 1;
        if (count === list.length) {
          const grown = new Int32Array(list.length * 2);
          grown.set(list);
          list = grown;
        }
        list[count++] = y * width + x;
      }
    }
  }
  return { valid, list: list.slice(0, count) };
}

/** Centres of all patches that overlap the hole: the hole dilated by the patch radius. */
export function findTargets(level: PyramidLevel, radius: number): Int32Array {
  const { width, height, hole } = level;
  // Separable square dilation, each pass tracking the distance to the nearest hole pixel
  // seen from either side, so the cost does not depend on the radius.
  const rows = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let last = -Infinity;
    for (let x = 0; x < width; x++) {
      if (hole[row + x]) last = x;
      if (x - last <= radius) rows[row + x] = 1;
    }
    last = Infinity;
    for (let x = width - 1; x >= 0; x--) {
      if (hole[row + x]) last = x;
      if (last - x <= radius) rows[row + x] = 1;
    }
  }
  const dilated = new Uint8Array(width * height);
  const lastDown = new Float64Array(width).fill(-Infinity);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (rows[y * width + x]) lastDown[x] = y;
      if (y - lastDown[x]! <= radius) dilated[y * width + x] = 1;
    }
  }
  const lastUp = new Float64Array(width).fill(Infinity);
  let count = 0;
  for (let y = height - 1; y >= 0; y--) {
    for (let x = 0; x < width; x++) {
      if (rows[y * width + x]) lastUp[x] = y;
      if (lastUp[x]! - y <= radius) dilated[y * width + x] = 1;
      count += dilated[y * width + x]!;
    }
  }
  const targets = new Int32Array(count);
  let k = 0;
  for (let i = 0; i < dilated.length; i++) if (dilated[i]) targets[k++] = i;
  return targets;
}

export function createField(level: PyramidLevel, radius: number, sources: SourceSet): NearestNeighbourField {
  const n = level.width * level.height;
  return {
    width: level.width,
    height: level.height,
    radius,
    targets: findTargets(level, radius),
    srcX: new Int32Array(n).fill(NO_MATCH),
    srcY: new Int32Array(n).fill(NO_MATCH),
    dist: new Int32Array(n).fill(WORST),
    sources,
  };
}

/** SSD between the target patch at (tx,ty) and the source patch at (sx,sy); stops at `limit`. */
export function patchDistance(
  rgba: Uint8Array,
  width: number,
  height: number,
  radius: number,
  tx: number,
  ty: number,
  sx: number,
  sy: number,
  limit: number,
): number {
  const y0 = ty - radius < 0 ? -ty : -radius;
  const y1 = ty + radius >= height ? height - 1 - ty : radius;
  const x0 = tx - radius < 0 ? -tx : -radius;
  const x1 = tx + radius >= width ? width - 1 - tx : radius;
  const span = x1 - x0 + 1;
  let sum = 0;
  for (let dy = y0; dy <= y1; dy++) {
    let t = ((ty + dy) * width + tx + x0) * 4;
    let s = ((sy + dy) * width + sx + x0) * 4;
    for (let k = 0; k < span; k++) {
      const dr = rgba[t]! - rgba[s]!;
      const dg = rgba[t + 1]! - rgba[s + 1]!;
      const db = rgba[t + 2]! - rgba[s + 2]!;
      sum += dr * dr + dg * dg + db * db;
      t += 4;
      s += 4;
    }
    if (sum >= limit) return sum;
  }
  return sum;
}

/** Random valid source for every target. */
export function initRandomField(field: NearestNeighbourField, seed: number): void {
  const { list } = field.sources;
  const random = mulberry32(mixSeed(seed, 0x1417));
  for (const t of field.targets) {
    const s = list[Math.floor(random() * list.length)]!;
    field.srcX[t] = s % field.width;
    field.srcY[t] = (s - (s % field.width)) / field.width;
  }
}

/**
 * Starts a fine field from the coarse one: each target takes its coarse parent's match,
 * doubled and offset by its position within the parent; invalid results fall back to a random
 * valid source.
 */
export function upsampleField(coarse: NearestNeighbourField, fine: NearestNeighbourField, seed: number): void {
  const { valid, list } = fine.sources;
  const random = mulberry32(mixSeed(seed, 0x5eed));
  for (const t of fine.targets) {
    const x = t % fine.width;
    const y = (t - x) / fine.width;
    const cx = Math.min(coarse.width - 1, x >> 1);
    const cy = Math.min(coarse.height - 1, y >> 1);
    const ci = cy * coarse.width + cx;
    let sx = NO_MATCH;
    let sy = NO_MATCH;
    if (coarse.srcX[ci]! !== NO_MATCH) {
      sx = 2 * coarse.srcX[ci]! + (x & 1);
      sy = 2 * coarse.srcY[ci]! + (y & 1);
    }
    if (sx < 0 || sy < 0 || sx >= fine.width || sy >= fine.height || !valid[sy * fine.width + sx]) {
      const s = list[Math.floor(random() * list.length)]!;
      sx = s % fine.width;
      sy = (s - sx) / fine.width;
    }
    fine.srcX[t] = sx;
    fine.srcY[t] = sy;
  }
}

/** Recomputes every target's distance against the current image (after a vote changed it). */
export function refreshDistances(field: NearestNeighbourField, rgba: Uint8Array, rowStart = 0, rowEnd = field.height): void {
  const { width, height, radius, targets, srcX, srcY, dist } = field;
  for (const t of targets) {
    const y = (t / width) | 0;
    if (y < rowStart || y >= rowEnd) continue;
    dist[t] = patchDistance(rgba, width, height, radius, t - y * width, y, srcX[t]!, srcY[t]!, WORST);
  }
}

/**
 * One PatchMatch sweep (propagation + random search) over the rows [rowStart, rowEnd), which
 * must be whole bands. Even iterations scan forward and propagate from left/up, odd ones scan
 * backward and propagate from right/down. The random search starts `searchRadius` away
 * (default: the whole image) and halves down to 1 px.
 */
export function improveField(
  field: NearestNeighbourField,
  rgba: Uint8Array,
  seed: number,
  iteration: number,
  rowStart = 0,
  rowEnd = field.height,
  searchRadius = Math.max(field.width, field.height),
): void {
  const { width, height, radius, srcX, srcY, dist } = field;
  const { valid } = field.sources;
  const forward = iteration % 2 === 0;
  const step = forward ? 1 : -1;
  const maxRadius = Math.max(1, Math.round(searchRadius));
  const rowFirst = forward ? rowStart : rowEnd - 1;
  const rowLast = forward ? rowEnd : rowStart - 1;

  for (let y = rowFirst; y !== rowLast; y += step) {
    const random = mulberry32(mixSeed(seed, iteration, y));
    // Rows at a band's leading edge do not look across it (see the file comment).
    const bandEdge = forward ? y % BAND_ROWS === 0 : y % BAND_ROWS === BAND_ROWS - 1 || y === height - 1;
    const xFirst = forward ? 0 : width - 1;
    const xLast = forward ? width : -1;
    for (let x = xFirst; x !== xLast; x += step) {
      const t = y * width + x;
      if (srcX[t] === NO_MATCH) continue;
      let bestX = srcX[t]!;
      let bestY = srcY[t]!;
      let best = dist[t]!;

      // Propagation: the neighbour's match, shifted back by one pixel.
      const nx = x - step;
      if (nx >= 0 && nx < width) {
        const n = t - step;
        if (srcX[n] !== NO_MATCH) {
          const cx = srcX[n]! + step;
          const cy = srcY[n]!;
          if (cx >= 0 && cx < width && valid[cy * width + cx] && (cx !== bestX || cy !== bestY)) {
            const d = patchDistance(rgba, width, height, radius, x, y, cx, cy, best);
            if (d < best) {
              best = d;
              bestX = cx;
              bestY = cy;
            }
          }
        }
      }
      if (!bandEdge) {
        const n = t - step * width;
        if (srcX[n] !== NO_MATCH) {
          const cx = srcX[n]!;
          const cy = srcY[n]! + step;
          if (cy >= 0 && cy < height && valid[cy * width + cx] && (cx !== bestX || cy !== bestY)) {
            const d = patchDistance(rgba, width, height, radius, x, y, cx, cy, best);
            if (d < best) {
              best = d;
              bestX = cx;
              bestY = cy;
            }
          }
        }
      }

      // Random search around the best match in exponentially shrinking windows.
      for (let r = maxRadius; r >= 1; r >>= 1) {
        let cx = bestX + Math.floor((random() * 2 - 1) * r);
        let cy = bestY + Math.floor((random() * 2 - 1) * r);
        if (cx < 0) cx = 0;
        else if (cx >= width) cx = width - 1;
        if (cy < 0) cy = 0;
        else if (cy >= height) cy = height - 1;
        if (!valid[cy * width + cx] || (cx === bestX && cy === bestY)) continue;
        const d = patchDistance(rgba, width, height, radius, x, y, cx, cy, best);
        if (d < best) {
          best = d;
          bestX = cx;
          bestY = cy;
        }
      }
      srcX[t] = bestX;
      srcY[t] = bestY;
      dist[t] = best;
    }
  }
}
