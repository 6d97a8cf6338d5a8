import type { Rect } from '../../shared/geometry.ts';
import type { ViewTransform } from '../state/app-state.ts';

export const MIN_SCALE = 0.02;
export const MAX_SCALE = 32;
const FIT_MARGIN = 24;

export function clampScale(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

/** The whole canvas centred in the viewport, never enlarged past 100 %. */
export function fitView(canvas: Rect, viewport: { width: number; height: number }): ViewTransform {
  const scale = clampScale(
    Math.min(1, (viewport.width - 2 * FIT_MARGIN) / canvas.width, (viewport.height - 2 * FIT_MARGIN) / canvas.height),
  );
  return centred(canvas, viewport, scale);
}

export function actualSizeView(canvas: Rect, viewport: { width: number; height: number }): ViewTransform {
  return centred(canvas, viewport, 1);
}

function centred(canvas: Rect, viewport: { width: number; height: number }, scale: number): ViewTransform {
  return {
    scale,
    x: Math.round((viewport.width - canvas.width * scale) / 2 - canvas.x * scale),
    y: Math.round((viewport.height - canvas.height * scale) / 2 - canvas.y * scale),
  };
}

/** Zooms by `factor` keeping the document point under the screen point `at` where it is. */
export function zoomAt(view: ViewTransform, at: { x: number; y: number }, factor: number): ViewTransform {
  const scale = clampScale(view.scale * factor);
  const docX = (at.x - view.x) / view.scale;
  const docY = (at.y - view.y) / view.scale;
  return { scale, x: at.x - docX * scale, y: at.y - docY * scale };
}

export function screenToDocument(view: ViewTransform, point: { x: number; y: number }): { x: number; y: number } {
  return { x: (point.x - view.x) / view.scale, y: (point.y - view.y) / view.scale };
}

/** The part of the document the viewport shows, in document coordinates. */
export function visibleDocumentRect(view: ViewTransform, viewport: { width: number; height: number }): Rect {
  return { x: -view.x / view.scale, y: -view.y / view.scale, width: viewport.width / view.scale, height: viewport.height / view.scale };
}
