import type { ShapeMode } from '../../../shared/document/records.ts';
import { commitMaskOp, modeFor, selectionTarget, type CanvasTool, type ToolContext } from './tool.ts';

/** Points closer than this (document pixels at 100 %) add nothing to a freehand outline. */
const MIN_STEP = 1.5;

/** Freehand lasso: drag around an area; releasing closes it. Shift adds, Alt subtracts, Esc drops it. */
export function createLassoTool(context: ToolContext): CanvasTool {
  let path: { points: number[]; mode: ShapeMode } | null = null;

  const cancel = () => {
    path = null;
    context.preview.clear();
  };

  return {
    down(pointer) {
      path = { points: [pointer.x, pointer.y], mode: modeFor(pointer) };
      context.preview.show({ kind: 'path', points: path.points });
      return true;
    },
    move(_pointer, samples) {
      if (!path) return;
      const step = MIN_STEP / context.store.getState().view.scale;
      for (const point of samples) {
        const n = path.points.length;
        if (Math.hypot(point.x - path.points[n - 2]!, point.y - path.points[n - 1]!) >= step) path.points.push(point.x, point.y);
      }
      context.preview.show({ kind: 'path', points: path.points });
    },
    up() {
      const done = path;
      cancel();
      if (!done || done.points.length < 6) return;
      commitMaskOp(context, { kind: 'polygon', points: done.points, mode: done.mode }, selectionTarget(context), 'Lasso selection');
    },
    cancel,
    key(event) {
      if (event.key !== 'Escape' || !path) return false;
      cancel();
      return true;
    },
  };
}
