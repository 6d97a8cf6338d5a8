import type { MaskEllipse, MaskPolygon, MaskRect } from '../../shared/document/records.ts';
import type { Rect } from '../../shared/geometry.ts';

/** The vector shapes a selection tool makes; each is one mask record and replays exactly. */
export type MaskShape = MaskRect | MaskEllipse | MaskPolygon;

/**
 * Traces a shape as a path on `ctx`, offset by (-dx, -dy), so the mask's tiles, the preview
 * buffer and the tests all fill and outline the same geometry.
 */
export function traceShape(ctx: CanvasRenderingContext2D, shape: MaskShape, dx = 0, dy = 0): void {
  ctx.beginPath();
  if (shape.kind === 'rect') {
    ctx.rect(shape.x - dx, shape.y - dy, shape.width, shape.height);
  } else if (shape.kind === 'ellipse') {
    const rx = Math.abs(shape.width) / 2;
    const ry = Math.abs(shape.height) / 2;
    ctx.ellipse(shape.x + shape.width / 2 - dx, shape.y + shape.height / 2 - dy, rx, ry, 0, 0, Math.PI * 2);
  } else {
    const p = shape.points;
    ctx.moveTo(p[0]! - dx, p[1]! - dy);
    for (let i = 2; i + 1 < p.length; i += 2) ctx.lineTo(p[i]! - dx, p[i + 1]! - dy);
    ctx.closePath();
  }
}

/** The document rect a shape can touch (rounded out by a pixel for anti-aliasing). */
export function shapeBounds(shape: MaskShape): Rect {
  if (shape.kind !== 'polygon') return { x: Math.floor(shape.x) - 1, y: Math.floor(shape.y) - 1, width: Math.ceil(shape.width) + 3, height: Math.ceil(shape.height) + 3 };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i + 1 < shape.points.length; i += 2) {
    minX = Math.min(minX, shape.points[i]!);
    maxX = Math.max(maxX, shape.points[i]!);
    minY = Math.min(minY, shape.points[i + 1]!);
    maxY = Math.max(maxY, shape.points[i + 1]!);
  }
  return { x: Math.floor(minX) - 1, y: Math.floor(minY) - 1, width: Math.ceil(maxX - minX) + 3, height: Math.ceil(maxY - minY) + 3 };
}

/** A rect from two corners, whichever way the drag went; Shift-constrained squares are the caller's. */
export function rectFromCorners(ax: number, ay: number, bx: number, by: number): Rect {
  return { x: Math.min(ax, bx), y: Math.min(ay, by), width: Math.abs(bx - ax), height: Math.abs(by - ay) };
}
