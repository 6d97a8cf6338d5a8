import type { Rect } from '../../shared/geometry.ts';
import { MAX_CANVAS_SIDE } from '../../shared/contract/schemas.ts';

/** A width:height ratio, e.g. 4:5 for a shop listing. */
export interface Ratio {
  w: number;
  h: number;
}

/** Where the current picture stays when the canvas grows or shrinks: column and row, 0..2 each. */
export interface Anchor {
  col: 0 | 1 | 2;
  row: 0 | 1 | 2;
}

export interface Sides {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const ASPECT_PRESETS: readonly Ratio[] = [
  { w: 1, h: 1 },
  { w: 4, h: 5 },
  { w: 3, h: 2 },
  { w: 2, h: 3 },
  { w: 16, h: 9 },
  { w: 9, h: 16 },
  { w: 21, h: 9 },
];

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** 1920:1080 → 16:9, so the size is a whole multiple of the smallest exact ratio. */
export function reduceRatio(ratio: Ratio): Ratio {
  const w = Math.max(1, Math.round(ratio.w));
  const h = Math.max(1, Math.round(ratio.h));
  const d = gcd(w, h);
  return { w: w / d, h: h / d };
}

/**
 * The size with exactly `ratio` that holds the current canvas (extend) or fits inside it (crop):
 * both sides are the same whole multiple of the reduced ratio, so 4:5 means 4:5, not 4.002:5.
 */
export function sizeForRatio(width: number, height: number, ratio: Ratio, mode: 'extend' | 'crop'): { width: number; height: number } {
  const { w, h } = reduceRatio(ratio);
  const fit = mode === 'extend' ? Math.ceil(Math.max(width / w, height / h)) : Math.floor(Math.min(width / w, height / h));
  const limit = Math.floor(Math.min(MAX_CANVAS_SIDE / w, MAX_CANVAS_SIDE / h));
  const k = Math.max(1, Math.min(fit, limit));
  return { width: k * w, height: k * h };
}

/** How many pixels each side gains (negative: loses) to reach `size` with the picture at `anchor`. */
export function sidesForSize(canvas: Rect, size: { width: number; height: number }, anchor: Anchor): Sides {
  const dw = size.width - canvas.width;
  const dh = size.height - canvas.height;
  const left = Math.floor((dw * anchor.col) / 2);
  const top = Math.floor((dh * anchor.row) / 2);
  return { left, right: dw - left, top, bottom: dh - top };
}

/** The canvas after moving each side out by its number of pixels (in by a negative one). */
export function canvasWithSides(canvas: Rect, sides: Sides): Rect {
  return {
    x: canvas.x - sides.left,
    y: canvas.y - sides.top,
    width: canvas.width + sides.left + sides.right,
    height: canvas.height + sides.top + sides.bottom,
  };
}

/**
 * A dragged canvas kept at the ratio of `start` (lock ratio while dragging): the dragged
 * dimension leads, the other follows, split evenly on both sides when its edges were not dragged.
 */
export function lockRatio(start: Rect, next: Rect, horizontalLeads: boolean): Rect {
  const ratio = start.width / start.height;
  const width = horizontalLeads ? next.width : Math.max(1, Math.round(next.height * ratio));
  const height = horizontalLeads ? Math.max(1, Math.round(next.width / ratio)) : next.height;
  const x = horizontalLeads ? next.x : next.x === start.x ? start.x - Math.floor((width - start.width) / 2) : next.x + next.width - width;
  const y = horizontalLeads ? (next.y === start.y ? start.y - Math.floor((height - start.height) / 2) : next.y + next.height - height) : next.y;
  return { x, y, width, height };
}
