/** Integer rectangles in document pixels. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function rectRight(r: Rect): number {
  return r.x + r.width;
}

export function rectBottom(r: Rect): number {
  return r.y + r.height;
}

export function isEmptyRect(r: Rect): boolean {
  return r.width <= 0 || r.height <= 0;
}

/** The overlap of two rectangles, or an empty rect at a's origin when they do not meet. */
export function intersectRects(a: Rect, b: Rect): Rect {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(rectRight(a), rectRight(b));
  const bottom = Math.min(rectBottom(a), rectBottom(b));
  if (right <= x || bottom <= y) return { x: a.x, y: a.y, width: 0, height: 0 };
  return { x, y, width: right - x, height: bottom - y };
}

export function unionRects(a: Rect, b: Rect): Rect {
  if (isEmptyRect(a)) return b;
  if (isEmptyRect(b)) return a;
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(rectRight(a), rectRight(b)) - x, height: Math.max(rectBottom(a), rectBottom(b)) - y };
}

/** Grows a rect by `pad` on every side, then clips it to `bounds`. */
export function padRect(r: Rect, pad: number, bounds: Rect): Rect {
  return intersectRects({ x: r.x - pad, y: r.y - pad, width: r.width + 2 * pad, height: r.height + 2 * pad }, bounds);
}

/** Snaps a rect outwards to whole pixels. */
export function roundRectOut(r: Rect): Rect {
  const x = Math.floor(r.x);
  const y = Math.floor(r.y);
  return { x, y, width: Math.ceil(r.x + r.width) - x, height: Math.ceil(r.y + r.height) - y };
}
