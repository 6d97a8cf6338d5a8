import { rectFromCorners } from '../shape-path.ts';
import type { MaskShape } from '../shape-path.ts';
import { commitMaskOp, modeFor, selectionTarget, type CanvasTool, type ToolContext } from './tool.ts';

/**
 * Rectangle and ellipse selection: drag a box (from the corner); Shift adds, Alt subtracts,
 * neither replaces the mask; Esc drops the box in progress. A click without a drag does nothing.
 */
export function createMarqueeTool(context: ToolContext, kind: 'rect' | 'ellipse'): CanvasTool {
  let drag: { x: number; y: number; shift: boolean; alt: boolean; shape: MaskShape | null } | null = null;

  const cancel = () => {
    drag = null;
    context.preview.clear();
  };

  return {
    down(pointer) {
      drag = { x: pointer.x, y: pointer.y, shift: pointer.shift, alt: pointer.alt, shape: null };
      return true;
    },
    move(pointer) {
      if (!drag) return;
      const box = rectFromCorners(drag.x, drag.y, pointer.x, pointer.y);
      const shape: MaskShape = { kind, ...box, mode: modeFor(drag) };
      drag.shape = shape;
      context.preview.show({ kind: 'shape', shape });
    },
    up() {
      const shape = drag?.shape;
      cancel();
      if (!shape || shape.kind === 'polygon' || shape.width < 1 || shape.height < 1) return;
      commitMaskOp(context, shape, selectionTarget(context), kind === 'rect' ? 'Rectangle selection' : 'Ellipse selection');
    },
    cancel,
    key(event) {
      if (event.key !== 'Escape' || !drag) return false;
      cancel();
      return true;
    },
  };
}
