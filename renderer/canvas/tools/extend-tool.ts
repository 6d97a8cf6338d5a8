import { getDocument } from '../../../shared/document/records.ts';
import type { Rect } from '../../../shared/geometry.ts';
import { draggedCanvas, edgesAt, extendCanvas, type Edge } from '../extend-canvas.ts';
import type { CanvasTool, ToolContext } from './tool.ts';

/** Extend canvas: drag an edge or corner outwards; the new canvas is one undoable step. */
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
      const doc = getDocument(context.store.getState().records);
      if (!doc) return false;
      drag = { edges: edgesAt(doc.canvas, pointer.x, pointer.y), start: { x: pointer.x, y: pointer.y }, canvas: doc.canvas, next: doc.canvas };
      return true;
    },
    move(pointer) {
      if (!drag) return;
      drag.next = draggedCanvas(drag.canvas, drag.edges, pointer.x - drag.start.x, pointer.y - drag.start.y);
      context.extendPreview.current?.setAttrs({ ...drag.next, visible: true, strokeWidth: 2 / context.store.getState().view.scale });
      context.extendPreview.current?.getLayer()?.batchDraw();
    },
    up() {
      if (!drag) return;
      const next = drag.next;
      cancel();
      context.store.getState().commit('Extend canvas', (records) => extendCanvas(records, next));
    },
    cancel,
    key(event) {
      if (event.key !== 'Escape' || !drag) return false;
      cancel();
      return true;
    },
  };
}
