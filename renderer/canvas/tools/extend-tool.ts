import { getDocument } from '../../../shared/document/records.ts';
import type { Rect } from '../../../shared/geometry.ts';
import { lockRatio } from '../../extend/aspect.ts';
import { draggedCanvas, edgesAt, extendCanvas, HANDLE_SIZE, type Edge } from '../extend-canvas.ts';
import type { CanvasTool, ToolContext } from './tool.ts';

/**
 * Extend canvas: drag an edge, a corner or a handle outwards (or inwards to crop); the new canvas
 * is one undoable step. Lock ratio (the panel's checkbox, or Shift while dragging) keeps the
 * canvas's proportions.
 */
export function createExtendTool(context: ToolContext): CanvasTool {
  let drag: { edges: Edge[]; start: { x: number; y: number }; canvas: Rect; next: Rect } | null = null;

  const hidePreview = () => {
    context.extendPreview.current?.visible(false);
    context.extendPreview.current?.getLayer()?.batchDraw();
  };
  const cancel = () => {
    if (!drag) return;
    hidePreview();
    drag = null;
  };

  return {
    down(pointer) {
      const state = context.store.getState();
      const doc = getDocument(state.records);
      if (!doc) return false;
      drag = { edges: edgesAt(doc.canvas, pointer.x, pointer.y, (2 * HANDLE_SIZE) / state.view.scale), start: { x: pointer.x, y: pointer.y }, canvas: doc.canvas, next: doc.canvas };
      return true;
    },
    move(pointer) {
      if (!drag) return;
      const dx = pointer.x - drag.start.x;
      const dy = pointer.y - drag.start.y;
      const dragged = draggedCanvas(drag.canvas, drag.edges, dx, dy);
      const horizontalLeads = (drag.edges.includes('left') || drag.edges.includes('right')) && !(drag.edges.length === 2 && Math.abs(dy) > Math.abs(dx));
      drag.next = context.store.getState().extendLockRatio || pointer.shift ? lockRatio(drag.canvas, dragged, horizontalLeads) : dragged;
      context.extendPreview.current?.setAttrs({ ...drag.next, visible: true, strokeWidth: 2 / context.store.getState().view.scale });
      context.extendPreview.current?.getLayer()?.batchDraw();
    },
    up() {
      if (!drag) return;
      const next = drag.next;
      cancel();
      const band = context.store.getState().extendBand;
      context.store.getState().commit('Extend canvas', (records) => extendCanvas(records, next, band));
    },
    cancel,
    key(event) {
      if (event.key !== 'Escape' || !drag) return false;
      cancel();
      return true;
    },
  };
}
