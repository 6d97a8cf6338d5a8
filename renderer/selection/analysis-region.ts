import { intersectRects, isEmptyRect, type Rect } from '../../shared/geometry.ts';
import type { ViewTransform } from '../state/app-state.ts';

/**
 * What Select object analyses: the whole canvas, or, when the view shows less than half of it
 * (zoomed in on a big photo), only the visible part, so the model's 1024² input covers that part
 * at full detail and selections there get clean edges (as Photoshop does).
 */
export function analysisRegion(canvas: Rect, view: ViewTransform, viewport: { width: number; height: number }): Rect {
  const visible = {
    x: Math.floor(-view.x / view.scale),
    y: Math.floor(-view.y / view.scale),
    width: Math.ceil(viewport.width / view.scale) + 1,
    height: Math.ceil(viewport.height / view.scale) + 1,
  };
  const region = intersectRects(canvas, visible);
  if (isEmptyRect(region) || region.width * region.height * 2 >= canvas.width * canvas.height) return canvas;
  return region;
}

export function containsPoint(rect: Rect, x: number, y: number): boolean {
  return x >= rect.x && y >= rect.y && x < rect.x + rect.width && y < rect.y + rect.height;
}
