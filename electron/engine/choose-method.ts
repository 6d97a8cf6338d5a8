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
 * Seconds a fill should take on one core of the reference machine (2-core CI box, Node 20),
 * a linear fit to bench/fill measurements: a fixed cost, a cost per hole pixel, and a cost per
 * context pixel (pyramid building, masks, copies).
 */
const COST_MODEL: Record<FillMethod, { fixed: number; perHole: number; perContext: number }> = {
  smooth: { fixed: 0.005, perHole: 1.2e-6, perContext: 3e-8 },
  'content-aware': { fixed: 0.05, perHole: 1.6e-5, perContext: 1e-7 },
};

export function estimateFillSeconds(method: FillMethod, holePixels: number, contextPixels: number): number {
  const model = COST_MODEL[method];
  return model.fixed + model.perHole * Math.max(0, holePixels) + model.perContext * Math.max(0, contextPixels);
}
