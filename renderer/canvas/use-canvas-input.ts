import type Konva from 'konva';
import { useEffect, type RefObject } from 'react';
import { getDocument } from '../../shared/document/records.ts';
import { useAppStore } from '../state/store.ts';
import type { Tool } from '../state/app-state.ts';
import type { MaskPainter } from './mask-painter.ts';
import type { MaskTarget } from '../../shared/document/records.ts';
import type { PreviewBuffer } from './preview-buffer.ts';
import { createCanvasTools } from './tools/create-tools.ts';
import type { CanvasTool, ToolPointer } from './tools/tool.ts';
import { screenToDocument, zoomAt } from './view-math.ts';

interface CanvasInputRefs {
  container: RefObject<HTMLDivElement | null>;
  stage: RefObject<Konva.Stage | null>;
  maskLayer: RefObject<Konva.Layer | null>;
  cursor: RefObject<Konva.Circle | null>;
  extendPreview: RefObject<Konva.Rect | null>;
}

/** The document's two masks: what to fill, and what content-aware fill must not copy from. */
export type MaskPainters = Record<MaskTarget, MaskPainter>;

/** Tools that show the brush outline under the pointer. */
const BRUSH_TOOLS: ReadonlySet<Tool> = new Set(['brush', 'eraser', 'exclude']);

/**
 * Pointer, wheel and space-bar handling for the canvas, as native listeners. Panning and zoom
 * are handled here; everything else is routed to the active tool's state machine
 * (renderer/canvas/tools/), which draws into the mask or the preview buffer without React.
 */
export function useCanvasInput(refs: CanvasInputRefs, painters: MaskPainters | null, preview: PreviewBuffer): void {
  const fillPainter = painters?.fill;
  const excludePainter = painters?.exclude;
  useEffect(() => {
    const container = refs.container.current;
    if (!container || !fillPainter || !excludePainter) return;
    const store = useAppStore;
    const tools = createCanvasTools({
      store,
      painters: { fill: fillPainter, exclude: excludePainter },
      preview,
      redrawMask: () => refs.maskLayer.current?.batchDraw(),
      extendPreview: refs.extendPreview,
    });
    const activeTool = (): CanvasTool => tools[store.getState().tool];
    let captured: { pointerId: number; tool: CanvasTool } | null = null;
    let pan: { pointerId: number; startX: number; startY: number; viewX: number; viewY: number } | null = null;
    let spaceHeld = false;

    // The container's box, read once per gesture rather than for every (coalesced) pointer event.
    let box: DOMRect | undefined;
    const localPoint = (event: { clientX: number; clientY: number }) => {
      const rect = (captured || pan) && box ? box : container.getBoundingClientRect();
      return { x: event.clientX - rect.left, y: event.clientY - rect.top };
    };
    const toDocument = (event: { clientX: number; clientY: number }) => screenToDocument(store.getState().view, localPoint(event));
    const toolPointer = (event: PointerEvent): ToolPointer => ({
      ...toDocument(event),
      pointerId: event.pointerId,
      shift: event.shiftKey,
      alt: event.altKey,
      detail: event.detail,
    });

    const moveCursor = (event: PointerEvent) => {
      const cursor = refs.cursor.current;
      if (!cursor) return;
      const { brushSize, view, tool } = store.getState();
      const point = toDocument(event);
      cursor.setAttrs({ x: point.x, y: point.y, radius: brushSize / 2, strokeWidth: 1.5 / view.scale, visible: BRUSH_TOOLS.has(tool) });
    };

    const onPointerDown = (event: PointerEvent) => {
      if (captured || pan) return;
      box = container.getBoundingClientRect();
      const state = store.getState();
      if (event.button === 1 || (event.button === 0 && spaceHeld)) {
        event.preventDefault();
        pan = { pointerId: event.pointerId, startX: event.clientX, startY: event.clientY, viewX: state.view.x, viewY: state.view.y };
        container.setPointerCapture(event.pointerId);
        container.dataset.panning = 'true';
        return;
      }
      if (event.button !== 0 || !getDocument(state.records)) return;
      const tool = activeTool();
      if (tool.down(toolPointer(event))) {
        captured = { pointerId: event.pointerId, tool };
        container.setPointerCapture(event.pointerId);
      }
    };

    const onPointerMove = (event: PointerEvent) => {
      moveCursor(event);
      if (pan && event.pointerId === pan.pointerId) {
        refs.stage.current?.position({ x: pan.viewX + event.clientX - pan.startX, y: pan.viewY + event.clientY - pan.startY });
        refs.stage.current?.batchDraw();
        return;
      }
      const events = typeof event.getCoalescedEvents === 'function' ? event.getCoalescedEvents() : [];
      const samples = (events.length > 0 ? events : [event]).map(toDocument);
      if (captured && event.pointerId === captured.pointerId) captured.tool.move(toolPointer(event), samples);
      else if (!captured) {
        if (getDocument(store.getState().records)) activeTool().move(toolPointer(event), samples);
        refs.cursor.current?.getLayer()?.batchDraw();
      }
    };

    const finish = (event: PointerEvent) => {
      if (pan && event.pointerId === pan.pointerId) {
        const { view, setView } = store.getState();
        setView({ ...view, x: pan.viewX + event.clientX - pan.startX, y: pan.viewY + event.clientY - pan.startY });
        delete container.dataset.panning;
        pan = null;
        return;
      }
      if (!captured || event.pointerId !== captured.pointerId) return;
      const { tool } = captured;
      captured = null;
      if (event.type === 'pointercancel') tool.cancel();
      else tool.up(toolPointer(event));
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
        return;
      }
      const tool = captured?.tool ?? activeTool();
      if (tool.key?.(event)) {
        event.preventDefault();
        // The app's own shortcuts (Enter, Esc) must not act on what the tool just used.
        event.stopImmediatePropagation();
        if (event.key === 'Escape') captured = null;
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
    // Choosing another tool drops the previous one's work in progress.
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.tool === previous.tool) return;
      tools[previous.tool].cancel();
      tools[state.tool].activate?.();
      captured = null;
    });
    tools[store.getState().tool].activate?.();

    container.addEventListener('pointerdown', onPointerDown);
    container.addEventListener('pointermove', onPointerMove);
    container.addEventListener('pointerup', finish);
    container.addEventListener('pointercancel', finish);
    container.addEventListener('pointerleave', onLeave);
    container.addEventListener('wheel', onWheel, { passive: false });
    // Capture phase: a tool's Enter or Esc comes before the app's shortcuts.
    window.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      unsubscribe();
      for (const tool of Object.values(tools)) tool.cancel();
      container.removeEventListener('pointerdown', onPointerDown);
      container.removeEventListener('pointermove', onPointerMove);
      container.removeEventListener('pointerup', finish);
      container.removeEventListener('pointercancel', finish);
      container.removeEventListener('pointerleave', onLeave);
      container.removeEventListener('wheel', onWheel);
      window.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, [refs.container, refs.stage, refs.maskLayer, refs.cursor, refs.extendPreview, fillPainter, excludePainter, preview]);
}

export function isTyping(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  return !!target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable);
}
