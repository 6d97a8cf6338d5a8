import { getMaskOps, type MaskTarget } from '../../../shared/document/records.ts';
import { addMaskOp, newId } from '../../state/document-ops.ts';
import type { MaskPainter } from '../mask-painter.ts';
import type { CanvasTool, ToolContext } from './tool.ts';

/**
 * Brush, eraser and the exclusion brush: idle → stroking → idle. The stroke is stamped straight
 * into the mask's tiles as the pointer moves (the hot path: no React, no store) and recorded
 * once on pointer-up; Esc drops it by replaying the recorded operations.
 */
export function createBrushTool(context: ToolContext): CanvasTool {
  let stroke: { target: MaskTarget; painter: MaskPainter } | null = null;

  const cancel = () => {
    if (!stroke) return;
    stroke.painter.abandonStroke();
    stroke.painter.replay(getMaskOps(context.store.getState().records, stroke.target).map((record) => record.op));
    context.redrawMask();
    stroke = null;
  };

  return {
    down(pointer) {
      const state = context.store.getState();
      const target: MaskTarget = state.tool === 'exclude' ? 'exclude' : 'fill';
      const erase = state.tool === 'eraser' || (state.tool === 'exclude' && pointer.alt);
      const painter = context.painters[target];
      painter.beginStroke(erase ? 'erase' : 'paint', state.brushSize, state.brushHardness, pointer.x, pointer.y);
      stroke = { target, painter };
      context.redrawMask();
      return true;
    },
    move(_pointer, samples) {
      if (!stroke) return;
      for (const point of samples) stroke.painter.moveTo(point.x, point.y);
      context.redrawMask();
    },
    up() {
      if (!stroke) return;
      const { painter, target } = stroke;
      stroke = null;
      const op = painter.endStroke();
      if (!op) return;
      const id = newId('mask');
      painter.liveOpId = id;
      context.store.getState().commit(strokeLabel(target, op.mode), (records) => addMaskOp(records, op, id, target));
    },
    cancel,
    key(event) {
      if (event.key !== 'Escape' || !stroke) return false;
      cancel();
      return true;
    },
  };
}

function strokeLabel(target: MaskTarget, mode: 'paint' | 'erase'): string {
  if (target === 'exclude') return mode === 'erase' ? 'Erase exclusion' : 'Exclude from sampling';
  return mode === 'erase' ? 'Erase mask' : 'Paint mask';
}
