import type Konva from 'konva';
import { useEffect, type RefObject } from 'react';
import { getDocument, getMaskOps, getOrderedLayers, type MaskTarget, type RecordMap } from '../../shared/document/records.ts';
import { lockRatio } from '../extend/aspect.ts';
import { nudgeSelected } from '../layers/layer-actions.ts';
import { offsetLayer } from '../state/layer-ops.ts';
import type { Rect } from '../../shared/geometry.ts';
import { addMaskOp, newId } from '../state/document-ops.ts';
import { draggedCanvas, edgesAt, extendCanvas, HANDLE_SIZE, type Edge } from './extend-canvas.ts';
import { useAppStore } from '../state/store.ts';
import type { MaskPainter } from './mask-painter.ts';
import { screenToDocument, zoomAt } from './view-math.ts';

interface CanvasInputRefs {
  container: RefObject<HTMLDivElement | null>;
  stage: RefObject<Konva.Stage | null>;
  maskLayer: RefObject<Konva.Layer | null>;
  cursor: RefObject<Konva.Circle | null>;
  extendPreview: RefObject<Konva.Rect | null>;
}

type Gesture =
  | { kind: 'idle' }
  | { kind: 'stroke'; pointerId: number; target: MaskTarget; painter: MaskPainter }
  | { kind: 'extend'; pointerId: number; edges: Edge[]; start: { x: number; y: number }; canvas: Rect; next: Rect }
  | { kind: 'pan'; pointerId: number; startX: number; startY: number; viewX: number; viewY: number }
  | { kind: 'move'; pointerId: number; layerId: string; mark: string; start: { x: number; y: number }; moved: { x: number; y: number } };

/** The document's two masks: what to fill, and what content-aware fill must not copy from. */
export type MaskPainters = Record<MaskTarget, MaskPainter>;

/**
 * Pointer, wheel and space-bar handling for the canvas, as native listeners: the brush's hot
 * path stamps into the mask canvas and asks Konva to redraw one layer, without React or the
 * store, and records one mask operation when the pointer lifts. Tools are a small state
 * machine: idle → stroke | pan | extend → idle; Escape cancels a stroke or an extension. The
 * exclusion brush paints the second mask; with Alt held it erases it.
 */
export function useCanvasInput(refs: CanvasInputRefs, painters: MaskPainters | null): void {
  const fillPainter = painters?.fill;
  const excludePainter = painters?.exclude;
  useEffect(() => {
    const container = refs.container.current;
    if (!container || !fillPainter || !excludePainter) return;
    const painterFor: MaskPainters = { fill: fillPainter, exclude: excludePainter };
    let gesture: Gesture = { kind: 'idle' };
    let spaceHeld = false;
    const store = useAppStore;

    // The container's box, read once per gesture rather than for every (coalesced) pointer event.
    let box: DOMRect | undefined;
    const localPoint = (event: { clientX: number; clientY: number }) => {
      const rect = gesture.kind !== 'idle' && box ? box : container.getBoundingClientRect();
      return { x: event.clientX - rect.left, y: event.clientY - rect.top };
    };
    const toDocument = (event: { clientX: number; clientY: number }) => screenToDocument(store.getState().view, localPoint(event));

    const moveCursor = (event: PointerEvent) => {
      const cursor = refs.cursor.current;
      if (!cursor) return;
      const { brushSize, view, tool } = store.getState();
      const point = toDocument(event);
      cursor.setAttrs({ x: point.x, y: point.y, radius: brushSize / 2, strokeWidth: 1.5 / view.scale, visible: tool !== 'extend' && tool !== 'move' });
    };

    const hideExtendPreview = () => {
      refs.extendPreview.current?.visible(false);
      refs.extendPreview.current?.getLayer()?.batchDraw();
    };

    const onPointerDown = (event: PointerEvent) => {
      if (gesture.kind !== 'idle') return;
      box = container.getBoundingClientRect();
      const state = store.getState();
      if (event.button === 1 || (event.button === 0 && spaceHeld)) {
        event.preventDefault();
        gesture = { kind: 'pan', pointerId: event.pointerId, startX: event.clientX, startY: event.clientY, viewX: state.view.x, viewY: state.view.y };
        container.setPointerCapture(event.pointerId);
        container.dataset.panning = 'true';
        return;
      }
      const doc = getDocument(state.records);
      if (event.button !== 0 || !doc) return;
      const point = toDocument(event);
      if (state.tool === 'extend') {
        gesture = { kind: 'extend', pointerId: event.pointerId, edges: edgesAt(doc.canvas, point.x, point.y, (2 * HANDLE_SIZE) / state.view.scale), start: point, canvas: doc.canvas, next: doc.canvas };
        container.setPointerCapture(event.pointerId);
        return;
      }
      if (state.tool === 'move') {
        const layerId = layerToMove(state.records, state.selectedLayerId, point);
        if (!layerId) return;
        state.selectLayer(layerId);
        gesture = { kind: 'move', pointerId: event.pointerId, layerId, mark: state.mark(), start: point, moved: { x: 0, y: 0 } };
        container.setPointerCapture(event.pointerId);
        return;
      }
      const target: MaskTarget = state.tool === 'exclude' ? 'exclude' : 'fill';
      const erase = state.tool === 'eraser' || (state.tool === 'exclude' && event.altKey);
      const painter = painterFor[target];
      painter.beginStroke(erase ? 'erase' : 'paint', state.brushSize, state.brushHardness, point.x, point.y);
      gesture = { kind: 'stroke', pointerId: event.pointerId, target, painter };
      container.setPointerCapture(event.pointerId);
      refs.maskLayer.current?.batchDraw();
    };

    const onPointerMove = (event: PointerEvent) => {
      moveCursor(event);
      if (gesture.kind === 'pan' && event.pointerId === gesture.pointerId) {
        refs.stage.current?.position({ x: gesture.viewX + event.clientX - gesture.startX, y: gesture.viewY + event.clientY - gesture.startY });
        refs.stage.current?.batchDraw();
      } else if (gesture.kind === 'extend' && event.pointerId === gesture.pointerId) {
        const point = toDocument(event);
        const dragged = draggedCanvas(gesture.canvas, gesture.edges, point.x - gesture.start.x, point.y - gesture.start.y);
        const horizontalLeads = gesture.edges.includes('left') || gesture.edges.includes('right');
        // Lock ratio: the panel's checkbox, or Shift held while dragging.
        const lock = store.getState().extendLockRatio || event.shiftKey;
        gesture.next = lock ? lockRatio(gesture.canvas, dragged, horizontalLeads && !(gesture.edges.length === 2 && Math.abs(point.y - gesture.start.y) > Math.abs(point.x - gesture.start.x))) : dragged;
        refs.extendPreview.current?.setAttrs({ ...gesture.next, visible: true, strokeWidth: 2 / store.getState().view.scale });
        refs.extendPreview.current?.getLayer()?.batchDraw();
      } else if (gesture.kind === 'move' && event.pointerId === gesture.pointerId) {
        const point = toDocument(event);
        const total = { x: Math.round(point.x - gesture.start.x), y: Math.round(point.y - gesture.start.y) };
        const { layerId, moved, mark } = gesture;
        store.getState().commit('Move layer', (records) => offsetLayer(records, layerId, total.x - moved.x, total.y - moved.y), { within: mark });
        gesture.moved = total;
      } else if (gesture.kind === 'stroke' && event.pointerId === gesture.pointerId) {
        const events = typeof event.getCoalescedEvents === 'function' ? event.getCoalescedEvents() : [];
        for (const sample of events.length > 0 ? events : [event]) {
          const point = toDocument(sample);
          gesture.painter.moveTo(point.x, point.y);
        }
        refs.maskLayer.current?.batchDraw();
      } else {
        refs.cursor.current?.getLayer()?.batchDraw();
      }
    };

    const finish = (event: PointerEvent) => {
      if (gesture.kind === 'idle' || event.pointerId !== gesture.pointerId) return;
      if (gesture.kind === 'pan') {
        const { view, setView } = store.getState();
        setView({ ...view, x: gesture.viewX + event.clientX - gesture.startX, y: gesture.viewY + event.clientY - gesture.startY });
        delete container.dataset.panning;
      } else if (gesture.kind === 'move') {
        store.getState().squashToMark(gesture.mark, 'Move layer');
      } else if (gesture.kind === 'extend') {
        hideExtendPreview();
        const next = gesture.next;
        const band = store.getState().extendBand;
        store.getState().commit('Extend canvas', (records) => extendCanvas(records, next, band));
      } else {
        const { painter, target } = gesture;
        const op = painter.endStroke();
        if (op) {
          const id = newId('mask');
          painter.liveOpId = id;
          store.getState().commit(strokeLabel(target, op.mode), (records) => addMaskOp(records, op, id, target));
        }
      }
      gesture = { kind: 'idle' };
    };

    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const { view, setView } = store.getState();
      const factor = Math.exp(-event.deltaY * (event.ctrlKey ? 0.01 : 0.0015));
      setView(zoomAt(view, localPoint(event), factor));
    };

    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event)) return;
      if (event.code === 'Space') {
        spaceHeld = true;
        container.dataset.spaceHeld = 'true';
        event.preventDefault();
      } else if (event.key === 'Escape' && gesture.kind === 'move') {
        store.getState().bailToMark(gesture.mark);
        gesture = { kind: 'idle' };
      } else if (gesture.kind === 'idle' && store.getState().tool === 'move' && event.key in NUDGE) {
        event.preventDefault();
        const [dx, dy] = NUDGE[event.key]!;
        const step = event.shiftKey ? 10 : 1;
        nudgeSelected(dx * step, dy * step);
      } else if (event.key === 'Escape' && gesture.kind === 'extend') {
        hideExtendPreview();
        gesture = { kind: 'idle' };
      } else if (event.key === 'Escape' && gesture.kind === 'stroke') {
        gesture.painter.abandonStroke();
        gesture.painter.replay(getMaskOps(store.getState().records, gesture.target).map((record) => record.op));
        refs.maskLayer.current?.batchDraw();
        gesture = { kind: 'idle' };
      }
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.code === 'Space') {
        spaceHeld = false;
        delete container.dataset.spaceHeld;
      }
    };
    const onLeave = () => {
      refs.cursor.current?.visible(false);
      refs.cursor.current?.getLayer()?.batchDraw();
    };

    container.addEventListener('pointerdown', onPointerDown);
    container.addEventListener('pointermove', onPointerMove);
    container.addEventListener('pointerup', finish);
    container.addEventListener('pointercancel', finish);
    container.addEventListener('pointerleave', onLeave);
    container.addEventListener('wheel', onWheel, { passive: false });
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      container.removeEventListener('pointerdown', onPointerDown);
      container.removeEventListener('pointermove', onPointerMove);
      container.removeEventListener('pointerup', finish);
      container.removeEventListener('pointercancel', finish);
      container.removeEventListener('pointerleave', onLeave);
      container.removeEventListener('wheel', onWheel);
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, [refs.container, refs.stage, refs.maskLayer, refs.cursor, refs.extendPreview, fillPainter, excludePainter]);
}

const NUDGE: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

/** The selected layer, or else the topmost visible layer under the pointer (the Move tool's pick). */
function layerToMove(records: RecordMap, selectedId: string | undefined, point: { x: number; y: number }): string | undefined {
  if (records[selectedId ?? '']?.typeName === 'layer') return selectedId;
  const hit = getOrderedLayers(records)
    .reverse()
    .find((l) => l.visible && point.x >= l.x && point.x < l.x + l.width && point.y >= l.y && point.y < l.y + l.height);
  return hit?.id;
}

function strokeLabel(target: MaskTarget, mode: 'paint' | 'erase'): string {
  if (target === 'exclude') return mode === 'erase' ? 'Erase exclusion' : 'Exclude from sampling';
  return mode === 'erase' ? 'Erase mask' : 'Paint mask';
}

export function isTyping(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  return !!target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable);
}
