import type { ShapeMode } from '../../../shared/document/records.ts';
import { commitMaskOp, modeFor, selectionTarget, type CanvasTool, type ToolContext } from './tool.ts';

/** A click this close (screen pixels) to the first corner closes the polygon. */
const CLOSE_RADIUS_PX = 8;

/**
 * Polygon lasso: each click adds a corner; a double-click, Enter or a click on the first corner
 * closes it; Backspace takes the last corner back; Esc drops it. The modifiers held at the first
 * click decide add (Shift) or subtract (Alt).
 */
export function createPolygonTool(context: ToolContext): CanvasTool {
  let polygon: { points: number[]; mode: ShapeMode } | null = null;

  const cancel = () => {
    polygon = null;
    context.preview.clear();
  };
  const close = () => {
    const done = polygon;
    cancel();
    if (!done || done.points.length < 6) return;
    commitMaskOp(context, { kind: 'polygon', points: done.points, mode: done.mode }, selectionTarget(context), 'Polygon selection');
  };
  const show = (pointer?: { x: number; y: number }) => {
    if (polygon) context.preview.show({ kind: 'path', points: polygon.points, ...(pointer ? { pointer } : {}) });
  };

  return {
    down(pointer) {
      if (!polygon) {
        polygon = { points: [pointer.x, pointer.y], mode: modeFor(pointer) };
        show();
        return false;
      }
      const scale = context.store.getState().view.scale;
      const [x0, y0] = polygon.points as [number, number];
      const nearStart = Math.hypot(pointer.x - x0, pointer.y - y0) * scale <= CLOSE_RADIUS_PX && polygon.points.length >= 6;
      if (pointer.detail >= 2 || nearStart) {
        close();
        return false;
      }
      polygon.points.push(pointer.x, pointer.y);
      show();
      return false;
    },
    move(pointer) {
      show(pointer);
    },
    up() {},
    cancel,
    key(event) {
      if (!polygon) return false;
      if (event.key === 'Escape') cancel();
      else if (event.key === 'Enter') close();
      else if (event.key === 'Backspace' && polygon.points.length > 2) {
        polygon.points.length -= 2;
        show();
      } else return false;
      return true;
    },
  };
}
