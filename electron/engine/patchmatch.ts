/**
 * Content-aware fill: multi-scale PatchMatch completion, written for this project.
 *
 * Coarse to fine over an image pyramid (Wexler, Shechtman & Irani 2007): at each level,
 * expectation–maximisation alternates between matching every patch that overlaps the hole to
 * its nearest known patch (PatchMatch, Barnes et al. 2009: random init, propagation, random
 * search) and re-estimating the hole pixels by weighted voting of the matched patches. The
 * coarsest level starts from an onion-peel fill (onion-peel.ts); each finer level starts from the upsampled
 * image and the upsampled field. Finally the hole's low frequencies are pulled towards a smooth
 * fill (low-frequency.ts). Known pixels come back bit-identical.
 */
import { maxHoleDistance } from './distance-transform.ts';
import {
  createField,
  findSources,
  improveField,
  initRandomField,
  refreshDistances,
  upsampleField,
  type NearestNeighbourField,
  type SourceSet,
} from './nnf.ts';
import { mixSeed, mulberry32 } from './prng.ts';
import { onionPeelFill } from './onion-peel.ts';
import { downsampleLevel, upsampleIntoHole, type PyramidLevel } from './pyramid.ts';
import { teleaInpaint } from './telea.ts';
import { correctLowFrequencies } from './low-frequency.ts';
import { patchWeights, voteHole } from './vote.ts';

export interface PatchMatchOptions {
  seed: number;
  onProgress?: (fraction: number) => void;
  /** Called between iterations; throw from it to abort. */
  checkpoint?: () => void;
}

/** 7×7 patches: big enough to carry texture, small enough for thin structures. */
const PATCH_RADIUS = 3;
/** Stop coarsening once the hole is this thin: patch voting then fills it from all sides. */
const COARSEST_HOLE_RADIUS = 4;
/** Never coarsen below this side, or too few source patches remain. */
const MIN_LEVEL_SIDE = 24;
const MIN_SOURCES = 48;

interface LevelSchedule {
  emIterations: number;
  sweepsPerEm: number;
}

/**
 * More EM iterations where they are cheap (coarse levels fix the structure), few at the fine
 * levels, where the upsampled field is already close and each sweep costs 4× more. Measured on
 * the bench photos: 1 EM × 1 sweep at full resolution instead of 2 × 2 changes mean PSNR,
 * SSIM and texture ratio by < 0.02 and saves ~40 % of the time.
 */
function scheduleFor(levelIndex: number, coarsestIndex: number): LevelSchedule {
  if (levelIndex === coarsestIndex) return { emIterations: 8, sweepsPerEm: 2 };
  if (levelIndex === 0) return { emIterations: 1, sweepsPerEm: 1 };
  if (levelIndex === 1) return { emIterations: 3, sweepsPerEm: 2 };
  return { emIterations: 4, sweepsPerEm: 2 };
}

export function patchMatchInpaint(
  rgba: Uint8Array,
  mask: Uint8Array,
  width: number,
  height: number,
  options: PatchMatchOptions,
): Uint8Array {
  const n = width * height;
  if (rgba.length !== n * 4 || mask.length !== n) {
    throw new RangeError(`patchMatchInpaint: expected ${n * 4} rgba and ${n} mask bytes`);
  }
  const { seed, onProgress, checkpoint } = options;
  const out = new Uint8Array(rgba);
  const finest: PyramidLevel = { width, height, rgba: new Uint8Array(rgba), hole: new Uint8Array(n) };
  let holeCount = 0;
  for (let i = 0; i < n; i++) {
    if (mask[i]! > 0) {
      finest.hole[i] = 1;
      holeCount++;
    }
  }
  if (holeCount === 0) return out;

  const { levels, sources } = buildPyramid(finest);
  if (sources[0]!.list.length === 0) {
    // No whole known patch anywhere (a tiny crop or a hole covering nearly everything).
    return teleaInpaint(rgba, mask, width, height, 5, onProgress);
  }

  const coarsest = levels.length - 1;
  // The smooth fill for the low-frequency correction, computed where it is cheap: a quarter
  // resolution is plenty for what survives the correction's blur anyway.
  const smoothLevel = Math.min(2, coarsest);
  const smooth = teleaInpaint(levels[smoothLevel]!.rgba, levels[smoothLevel]!.hole, levels[smoothLevel]!.width, levels[smoothLevel]!.height);
  const work = levels.map((level, l) => {
    const { emIterations, sweepsPerEm } = scheduleFor(l, coarsest);
    return countHole(level) * emIterations * (sweepsPerEm + 1);
  });
  const totalWork = work.reduce((a, b) => a + b, 0);
  let doneWork = 0;

  let previousField: NearestNeighbourField | undefined;
  for (let l = coarsest; l >= 0; l--) {
    const level = levels[l]!;
    const field = createField(level, PATCH_RADIUS, sources[l]!);
    if (l === coarsest) {
      onionPeelFill(level, PATCH_RADIUS, sources[l]!, mulberry32(mixSeed(seed, l, 0x0b1e)));
      initRandomField(field, mixSeed(seed, l));
    } else {
      // The upsampled image only serves to weigh the inherited matches; the vote then
      // rebuilds the hole from full-resolution source pixels, before any search could
      // replace detailed matches with ones that fit the blurry upsampled guess.
      upsampleIntoHole(levels[l + 1]!, level);
      upsampleField(previousField!, field, mixSeed(seed, l));
      refreshDistances(field, level.rgba);
      voteHole(level, field, patchWeights(field));
    }
    refreshDistances(field, level.rgba);

    const { emIterations, sweepsPerEm } = scheduleFor(l, coarsest);
    const unit = work[l]! / (emIterations * (sweepsPerEm + 1));
    for (let em = 0; em < emIterations; em++) {
      for (let sweep = 0; sweep < sweepsPerEm; sweep++) {
        checkpoint?.();
        improveField(field, level.rgba, mixSeed(seed, l, em), sweep);
        doneWork += unit;
        onProgress?.(Math.min(0.99, doneWork / totalWork));
      }
      checkpoint?.();
      voteHole(level, field, patchWeights(field));
      // The last vote's distances are never read: the next level recomputes its own.
      if (em < emIterations - 1) refreshDistances(field, level.rgba);
      doneWork += unit;
      onProgress?.(Math.min(0.99, doneWork / totalWork));
    }
    previousField = field;
  }

  correctLowFrequencies(finest, upsampleToFinest(levels, smoothLevel, smooth, rgba));
  for (let i = 0; i < n; i++) {
    if (finest.hole[i]) {
      out[i * 4] = finest.rgba[i * 4]!;
      out[i * 4 + 1] = finest.rgba[i * 4 + 1]!;
      out[i * 4 + 2] = finest.rgba[i * 4 + 2]!;
      out[i * 4 + 3] = finest.rgba[i * 4 + 3]!;
    }
  }
  onProgress?.(1);
  return out;
}

function buildPyramid(finest: PyramidLevel): { levels: PyramidLevel[]; sources: SourceSet[] } {
  const levels = [finest];
  const sources = [findSources(finest, PATCH_RADIUS)];
  for (;;) {
    const current = levels.at(-1)!;
    if (Math.min(current.width, current.height) / 2 < MIN_LEVEL_SIDE) break;
    if (maxHoleDistance(current.hole, current.width, current.height) <= COARSEST_HOLE_RADIUS) break;
    const next = downsampleLevel(current);
    const nextSources = findSources(next, PATCH_RADIUS);
    if (nextSources.list.length < MIN_SOURCES) break;
    levels.push(next);
    sources.push(nextSources);
  }
  return { levels, sources };
}

/** Brings a fill of levels[from] up to full size: bilinear in the hole, known pixels as they are. */
function upsampleToFinest(levels: PyramidLevel[], from: number, filled: Uint8Array, original: Uint8Array): Uint8Array {
  let current: PyramidLevel = { ...levels[from]!, rgba: filled };
  for (let l = from - 1; l >= 0; l--) {
    // Known pixels of every level are untouched by the EM steps, so copying is safe.
    const next: PyramidLevel = { ...levels[l]!, rgba: l === 0 ? new Uint8Array(original) : new Uint8Array(levels[l]!.rgba) };
    upsampleIntoHole(current, next);
    current = next;
  }
  return current.rgba;
}

function countHole(level: PyramidLevel): number {
  let count = 0;
  for (let i = 0; i < level.hole.length; i++) count += level.hole[i]!;
  return count;
}
