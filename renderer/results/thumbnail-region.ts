import type { Rect } from '../../shared/geometry.ts';

/** Pure geometry for the variation thumbnails and "Generate image"; no DOM, so it is unit-tested. */

/** The candidate with some of the picture around it, so a variation is judged in place. */
export function thumbnailRegion(candidate: Rect, canvas: Rect, marginFraction = 0.35): Rect {
  const margin = Math.round(Math.max(candidate.width, candidate.height) * marginFraction);
  const x = Math.max(canvas.x, candidate.x - margin);
  const y = Math.max(canvas.y, candidate.y - margin);
  const right = Math.min(canvas.x + canvas.width, candidate.x + candidate.width + margin);
  const bottom = Math.min(canvas.y + canvas.height, candidate.y + candidate.height + margin);
  return { x, y, width: Math.max(1, right - x), height: Math.max(1, bottom - y) };
}

/** Scale that fits `region` in a box, never enlarging. */
export function fitScale(region: Pick<Rect, 'width' | 'height'>, box: { width: number; height: number }): number {
  return Math.min(1, box.width / region.width, box.height / region.height);
}

/** Above this, a generated image is made at about the model's size and centred, not stretched. */
const MAX_GENERATE_SIDE = 2048;
const LARGE_CANVAS_SIDE = 1536;

/** Where a generated image goes: the whole canvas, or a centred model-sized area on a large one. */
export function generateArea(canvas: Rect): Rect {
  const longest = Math.max(canvas.width, canvas.height);
  if (longest <= MAX_GENERATE_SIDE) return canvas;
  const scale = LARGE_CANVAS_SIDE / longest;
  const width = Math.max(1, Math.round(canvas.width * scale));
  const height = Math.max(1, Math.round(canvas.height * scale));
  return { x: canvas.x + Math.floor((canvas.width - width) / 2), y: canvas.y + Math.floor((canvas.height - height) / 2), width, height };
}
