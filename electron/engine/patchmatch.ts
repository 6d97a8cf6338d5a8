/**
 * Content-aware fill: multi-scale PatchMatch completion, written for this project.
 *
 * Coarse to fine over an image pyramid (Wexler, Shechtman & Irani 2007): at each level,
 * expectation–maximisation alternates between matching every patch that overlaps the hole to
 * its nearest known patch (PatchMatch, Barnes et al. 2009: random init, propagation, random
 * search) and re-estimating the hole pixels by weighted voting of the matched patches. The
 * coarsest level starts from an onion-peel fill (onion-peel.ts); each finer level starts from
 * the upsampled image and field. The two finest levels' votes take each pixel's best
 * proposal instead of the mean (vote.ts). Finally the hole's low frequencies are replaced by a
 * smooth fill's (low-frequency.ts), and the steps left at the hole's edge and between pixels
 * copied from different places are spread over the hole (poisson.ts). Holes at the image's
 * edge (outpainting bands, an object cut by the border) only draw from known pixels near the
 * hole (see EDGE_REACH), and no patch touching an area the person excluded from sampling is
 * ever a source. Known pixels come back bit-identical.
 */
import { maxHoleDistance } from './distance-transform.ts';
import {
  BAND_ROWS,
  createField,
  findSources,
  initRandomField,
  upsampleField,
  type NearestNeighbourField,
  type SourceSet,
} from './nearest-neighbour-field.ts';
import { balancedSplitRow, runAllRows, shareRowState, type RowParallelism, type RowState } from './row-parallelism.ts';
import { mixSeed, mulberry32 } from './prng.ts';
import { onionPeelFill } from './onion-peel.ts';
import { downsampleLevel, upsampleIntoHole, type PyramidLevel } from './pyramid.ts';
import { teleaInpaint } from './telea.ts';
import { correctLowFrequencies } from './low-frequency.ts';
import { poissonBlendSeams } from './poisson.ts';
import { patchWeights } from './vote.ts';

export interface PatchMatchOptions {
  seed: number;
  /** width*height, >0 = never copy from here (the person's "exclude from sampling" brush). */
  exclude?: Uint8Array | undefined;
  onProgress?: (fraction: number) => void;
  /** Called between iterations; throw from it to abort. */
  checkpoint?: () => void;
  /** Helper threads for the row-wise steps; the bytes are the same with or without. */
  parallel?: RowParallelism;
}

/**
 * 9×9 patches: big enough to carry texture and match structure, small enough for thin
 * structures. Measured on the bench photos against 7×7 (with the other settings as shipped):
 * SSIM +0.007 and texture ratio +0.01; 11×11 is worse on both and slower.
 */
const PATCH_RADIUS = 4;
/** Stop coarsening once the hole is this thin: patch voting then fills it from all sides. */
const COARSEST_HOLE_RADIUS = 4;
/**
 * Never coarsen below this side, or to a level with fewer source patches than MIN_SOURCES or
 * (holes not at the edge) than half its hole pixels: with 9×9 patches, a hole covering 40 % of a small crop otherwise
 * reached a coarsest level whose few sources all lay on one side of it (a periodic texture in
 * patchmatch.test.ts: 20 dB instead of 32–45 dB).
 */
const MIN_LEVEL_SIDE = 24;
const MIN_SOURCES = 48;
/**
 * Locality for holes touching the image's edge (outpainting bands, the app's drag-to-extend
 * strip): sources only within EDGE_REACH × the hole's inner radius (a band's width) of the
 * hole (at least EDGE_MIN_REACH), and at every level at least EDGE_MIN_LEVEL_REACH coarse
 * pixels. An extension should continue what is next to it; with the whole context as sources, a 40 px band on chelsea copied a block of the
 * cat's fur into the blurred background, and a 120 px strip beside coffee.jpg's cup copied
 * part of the cup. Blobs inside the image keep the whole context (a prior towards nearby
 * sources lowered their texture ratio, see bench/fill/results.md). Measured on the bench
 * (in-hole SSIM): 40 px bands 0.533 → 0.601 (mean of 6), chelsea's 0.59 → 0.75; coffee's
 * 136 px extend strip 0.342 → 0.411, though it still copies pieces of the cup's rim and the
 * spoon, which the coarse levels' reach (≥ 12 coarse px) lets in.
 */
const EDGE_REACH = 0.5;
/**
 * …but never under 32 px at full resolution: a narrower source strip cannot show a texture's
 * period (patchmatch.test.ts's 30 px band on a periodic texture: 12 dB at a 15 px reach, 49 dB
 * at 32 px).
 */
const EDGE_MIN_REACH = 32;
const EDGE_MIN_LEVEL_REACH = 12;
const MIN_NEAR_SOURCES = 192;

interface LevelSchedule {
  emIterations: number;
  sweepsPerEm: number;
}

/**
 * More EM iterations where they are cheap (coarse levels fix the structure), few at the fine
 * levels, where the upsampled field is already close and each sweep costs 4× more. Measured on
 * the bench photos: 1 EM × 1 sweep at full resolution instead of 2 × 2 changes mean PSNR,
 * SSIM and texture ratio by < 0.02 and saves ~40 % of the time. Very large holes skip the
 * full-resolution search altogether (the inherited field is voted once) and do one EM
 * iteration less at half resolution: texture ratio about −0.03, a third less time, which is
 * what keeps a 2 % hole in a 24 MP photo near 3 s.
 */
const LARGE_HOLE_PIXELS = 250_000;

function scheduleFor(levelIndex: number, coarsestIndex: number, finestHolePixels: number): LevelSchedule {
  if (levelIndex === coarsestIndex) return { emIterations: 8, sweepsPerEm: 2 };
  if (levelIndex === 0) return { emIterations: finestHolePixels > LARGE_HOLE_PIXELS ? 0 : 1, sweepsPerEm: 1 };
  if (levelIndex === 1) return { emIterations: finestHolePixels > LARGE_HOLE_PIXELS ? 2 : 3, sweepsPerEm: 2 };
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
  const { seed, onProgress, checkpoint, parallel, exclude } = options;
  if (exclude && exclude.length !== n) throw new RangeError(`patchMatchInpaint: expected ${n} exclude bytes`);
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

  const { levels, sources } = buildPyramid(finest, exclude);
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
    const { emIterations, sweepsPerEm } = scheduleFor(l, coarsest, holeCount);
    // +1: the vote of the inherited field; a sweep costs about as much as a vote.
    return countHole(level) * (emIterations * (sweepsPerEm + 1) + 1);
  });
  const totalWork = work.reduce((a, b) => a + b, 0);
  let doneWork = 0;

  let previousField: NearestNeighbourField | undefined;
  let copiedFrom: Int32Array | undefined;
  for (let l = coarsest; l >= 0; l--) {
    const level = levels[l]!;
    const field = createField(level, PATCH_RADIUS, sources[l]!);
    if (l === coarsest) {
      onionPeelFill(level, PATCH_RADIUS, sources[l]!, mulberry32(mixSeed(seed, l, 0x0b1e)));
      initRandomField(field, mixSeed(seed, l));
    } else {
      upsampleIntoHole(levels[l + 1]!, level);
      upsampleField(previousField!, field, mixSeed(seed, l));
    }
    const state: RowState = { level, field };
    if (parallel) shareRowState(parallel, state);
    // Allocated once per level: a fresh full-size array per vote costs more in GC than the vote.
    const weights = new Float32Array(level.width * level.height);
    const sharedWeights = parallel ? parallel.share(weights) : weights;
    if (l === 0 && holeCount <= LARGE_HOLE_PIXELS) {
      // Where each hole pixel's colour was copied from, for the seam blending (poisson.ts).
      const copySources = new Int32Array(level.width * level.height).fill(-1);
      copiedFrom = parallel ? parallel.share(copySources) : copySources;
    }
    const split = parallel ? balancedSplitRow(field, BAND_ROWS) : 0;
    const refresh = (): void => runAllRows(parallel, { op: 'refresh' }, state, split);
    // The finest levels' votes take each pixel's best proposal (vote.ts).
    const best = l < BEST_PROPOSAL_LEVELS;
    const vote = (): void =>
      runAllRows(parallel, { op: 'vote', weights: patchWeights(field, sharedWeights), best, copiedFrom: l === 0 ? copiedFrom : undefined }, state, split);

    const { emIterations, sweepsPerEm } = scheduleFor(l, coarsest, holeCount);
    refresh();
    if (l !== coarsest) {
      // The upsampled image only serves to weigh the inherited matches; the vote then
      // rebuilds the hole from full-resolution source pixels, before any search could
      // replace detailed matches with ones that fit the blurry upsampled guess.
      vote();
      if (emIterations > 0) refresh();
    }

    const unit = work[l]! / (emIterations * (sweepsPerEm + 1) + 1);
    doneWork += unit;
    onProgress?.(Math.min(0.99, doneWork / totalWork));
    for (let em = 0; em < emIterations; em++) {
      for (let sweep = 0; sweep < sweepsPerEm; sweep++) {
        checkpoint?.();
        const improve = { op: 'improve', seed: mixSeed(seed, l, em), iteration: sweep, searchRadius: searchRadiusFor(level, l) } as const;
        runAllRows(parallel, improve, state, split);
        doneWork += unit;
        onProgress?.(Math.min(0.99, doneWork / totalWork));
      }
      checkpoint?.();
      vote();
      // The last vote's distances are never read: the next level recomputes its own.
      if (em < emIterations - 1) refresh();
      doneWork += unit;
      onProgress?.(Math.min(0.99, doneWork / totalWork));
    }
    previousField = field;
  }

  correctLowFrequencies(finest, upsampleToFinest(levels, smoothLevel, smooth, rgba), previousField!);
  // Very large holes skip it: single-threaded SOR over 480 k px would cost ~1 s of the 24 MP
  // case's 3 s budget, and the correction it would make there is of the lowest frequencies.
  if (holeCount <= LARGE_HOLE_PIXELS) poissonBlendSeams(finest, previousField!, POISSON_ITERATIONS, copiedFrom);
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

function buildPyramid(finest: PyramidLevel, finestExclude?: Uint8Array): { levels: PyramidLevel[]; sources: SourceSet[] } {
  const levels = [finest];
  let exclude = finestExclude;
  // Each level halves the hole's inner radius (near enough; it is only a stopping rule).
  let holeRadius = maxHoleDistance(finest.hole, finest.width, finest.height);
  let reach = touchesEdge(finest) ? Math.max(EDGE_MIN_REACH, EDGE_REACH * holeRadius) : Infinity;
  const sourcesFor = (level: PyramidLevel): SourceSet => {
    if (reach < Infinity) {
      const near = findSources(level, PATCH_RADIUS, reach, exclude);
      // Too few nearby patches (a band filling most of the crop): use them all.
      if (near.list.length >= MIN_NEAR_SOURCES) return near;
    }
    return findSources(level, PATCH_RADIUS, Infinity, exclude);
  };
  const sources = [sourcesFor(finest)];
  for (;;) {
    const current = levels.at(-1)!;
    if (Math.min(current.width, current.height) / 2 < MIN_LEVEL_SIDE) break;
    if (holeRadius <= COARSEST_HOLE_RADIUS) break;
    holeRadius /= 2;
    const next = downsampleLevel(current);
    if (exclude) exclude = downsampleExclusion(exclude, current.width, current.height);
    reach = Math.max(reach / 2, EDGE_MIN_LEVEL_REACH);
    const nextSources = sourcesFor(next);
    // Edge holes draw from a narrow strip by design, so their source count stays below half
    // the hole at every level: the relative floor would stop them at full resolution (a
    // 120 px strip beside coffee: 3.4 s instead of 0.5 s, and it grows with the photo).
    if (nextSources.list.length < Math.max(MIN_SOURCES, reach < Infinity ? 0 : countHole(next) / 2)) break;
    levels.push(next);
    sources.push(nextSources);
  }
  return { levels, sources };
}

/** Halves an exclusion map: a coarse pixel is excluded if any of its fine pixels is. */
function downsampleExclusion(fine: Uint8Array, width: number, height: number): Uint8Array {
  const w = Math.ceil(width / 2);
  const coarse = new Uint8Array(w * Math.ceil(height / 2));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) if (fine[y * width + x]) coarse[(y >> 1) * w + (x >> 1)] = 1;
  }
  return coarse;
}

function touchesEdge(level: PyramidLevel): boolean {
  const { width, height, hole } = level;
  for (let x = 0; x < width; x++) if (hole[x] || hole[(height - 1) * width + x]) return true;
  for (let y = 0; y < height; y++) if (hole[y * width] || hole[y * width + width - 1]) return true;
  return false;
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

/**
 * Coarse levels search the whole image; at full resolution the inherited matches are already
 * in the right region, so the search starts at 1/16 of the image (4 fewer candidates a pixel;
 * no measurable change in the bench's quality means from 1/1 to 1/32).
 */
function searchRadiusFor(level: PyramidLevel, levelIndex: number): number {
  const side = Math.max(level.width, level.height);
  return levelIndex === 0 ? Math.max(16, side / 16) : side;
}

/**
 * Levels (from the finest) whose votes take each pixel's best proposal instead of the weighted
 * mean: the mean at half resolution blurs what full resolution then matches against. Measured
 * on the bench photos with seam blending inside the hole (PSNR / SSIM / texture ratio): finest
 * only 18.49 / 0.537 / 0.772, two finest 18.49 / 0.529 / 0.805, three 18.30 / 0.514 / 0.832,
 * all 18.28 / 0.516 / 0.811. Most of the two-level gain in texture is one case: the
 * astronaut's 40 px band (0.72 → 1.18, the photo's own 1.57), where the fill now continues the
 * shuttle's base into the wall instead of leaving a grey smear; the other 17 cases move by
 * +0.007 on average.
 */
const BEST_PROPOSAL_LEVELS = 2;

/** Seam blending's SOR iterations (poisson.ts: 150, 300 and 1000 measure the same). */
const POISSON_ITERATIONS = 150;

function countHole(level: PyramidLevel): number {
  let count = 0;
  for (let i = 0; i < level.hole.length; i++) count += level.hole[i]!;
  return count;
}
