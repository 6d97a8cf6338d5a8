/**
 * Picks the offline fill method for a hole, and estimates how long a fill will take so the UI
 * can warn before a long run.
 *
 * Smooth (Telea) is right for thin or tiny holes — scratches, text, watermarks, dust — where
 * every hole pixel is within a few pixels of known ones and diffusion is invisible. Wider holes
 * need content-aware fill, or diffusion shows as a blur.
 */
import type { FillMethod } from './types.ts';
import { maxHoleDistance } from './distance-transform.ts';

/** Holes no more than this far (px) from known pixels anywhere are "thin". */
export const THIN_HOLE_DISTANCE = 6;
/** Below this many pixels a hole is a speck whatever its shape. */
export const TINY_HOLE_PIXELS = 150;

export function chooseFillMethod(mask: Uint8Array, width: number, height: number): FillMethod {
  let holePixels = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i]) holePixels++;
  if (holePixels <= TINY_HOLE_PIXELS) return 'smooth';
  return maxHoleDistance(mask, width, height) <= THIN_HOLE_DISTANCE ? 'smooth' : 'content-aware';
}

/**
 * Seconds a fill should take, fitted to bench/fill measurements on the 2-core reference box
 * (Node 20): CPU time of one thread, so an upper bound for the app's worker, which gives a
 * content-aware fill a second core (about 0.6× of this when the machine is otherwise idle).
 * A fixed cost, a cost per hole pixel and a cost per context pixel (pyramid, copies); hole
 * pixels beyond LARGE_HOLE_PIXELS are cheap because very large holes skip the full-resolution
 * search (see patchmatch.ts). Measured CPU seconds (content-aware): 0.23 (512², 13k hole),
 * 0.37 (512², 39k), 0.54 (1 MP, 50k), 1.68 (4 MP, 200k), 2.43 (6.3 MP, 481k).
 */
const COST_MODEL: Record<FillMethod, { fixed: number; perHole: number; perLargeHole: number; perContext: number }> = {
  smooth: { fixed: 0.005, perHole: 1.2e-6, perLargeHole: 1.2e-6, perContext: 3e-8 },
  'content-aware': { fixed: 0.12, perHole: 5.4e-6, perLargeHole: 1e-6, perContext: 1.5e-7 },
};
const LARGE_HOLE_PIXELS = 250_000;

export function estimateFillSeconds(method: FillMethod, holePixels: number, contextPixels: number): number {
  const model = COST_MODEL[method];
  const hole = Math.max(0, holePixels);
  const regular = Math.min(hole, LARGE_HOLE_PIXELS);
  return (
    model.fixed +
    model.perHole * regular +
    model.perLargeHole * (hole - regular) +
    model.perContext * Math.max(0, contextPixels)
  );
}
