import { getOrderedLayers, type RecordMap } from '../../../shared/document/records.ts';
import { nudgeSelected } from '../../layers/layer-actions.ts';
import { offsetLayer } from '../../state/layer-ops.ts';
import type { CanvasTool, ToolContext } from './tool.ts';

const NUDGE: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

/** The selected layer, or else the topmost visible layer under the pointer. */
function layerToMove(records: RecordMap, selectedId: string | undefined, point: { x: number; y: number }): string | undefined {
  if (records[selectedId ?? '']?.typeName === 'layer') return selectedId;
  const hit = getOrderedLayers(records)
    .reverse()
    .find((l) => l.visible && point.x >= l.x && point.x < l.x + l.width && point.y >= l.y && point.y < l.y + l.height);
  return hit?.id;
}

/**
 * Move (V): drag a layer, or nudge it with the arrow keys (Shift: 10 px). A drag commits within
 * a history mark as it goes, so the layer follows the pointer, and is squashed into one undo
 * step on release; Escape bails back to where it started.
 */
export function createMoveTool(context: ToolContext): CanvasTool {
  let drag: { layerId: string; mark: string; start: { x: number; y: number }; moved: { x: number; y: number } } | null = null;

  const cancel = () => {
    if (!drag) return;
    context.store.getState().bailToMark(drag.mark);
    drag = null;
  };

  return {
    down(pointer) {
      const state = context.store.getState();
      const layerId = layerToMove(state.records, state.selectedLayerId, pointer);
      if (!layerId) return false;
      state.selectLayer(layerId);
      drag = { layerId, mark: state.mark(), start: { x: pointer.x, y: pointer.y }, moved: { x: 0, y: 0 } };
      return true;
    },
    move(pointer) {
      if (!drag) return;
      const total = { x: Math.round(pointer.x - drag.start.x), y: Math.round(pointer.y - drag.start.y) };
      const { layerId, moved, mark } = drag;
      context.store.getState().commit('Move layer', (records) => offsetLayer(records, layerId, total.x - moved.x, total.y - moved.y), { within: mark });
      drag.moved = total;
    },
    up() {
      if (!drag) return;
      context.store.getState().squashToMark(drag.mark, 'Move layer');
      drag = null;
    },
    cancel,
    key(event) {
      if (event.key === 'Escape' && drag) {
        cancel();
        return true;
      }
      const nudge = NUDGE[event.key];
      if (drag || !nudge) return false;
      const step = event.shiftKey ? 10 : 1;
      nudgeSelected(nudge[0] * step, nudge[1] * step);
      return true;
    },
  };
}
