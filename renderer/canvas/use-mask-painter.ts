import { useEffect, useMemo } from 'react';
import type { Rect } from '../../shared/geometry.ts';
import { getMaskOps } from '../../shared/document/records.ts';
import { useAppStore } from '../state/store.ts';
import { MaskPainter } from './mask-painter.ts';

let activePainter: MaskPainter | null = null;

/** The painter of the open document's mask, for code outside React (actions, jobs). */
export function currentMaskPainter(): MaskPainter | null {
  return activePainter;
}

/**
 * One MaskPainter per canvas size, kept in step with the document's mask records. A stroke the
 * painter has just drawn live is not drawn again when its record lands; anything else (undo,
 * redo, clear, invert) replays the records.
 */
export function useMaskPainter(canvas: Rect | undefined, onRepaint: () => void): MaskPainter | null {
  const [x, y, width, height] = canvas ? [canvas.x, canvas.y, canvas.width, canvas.height] : [0, 0, 0, 0];
  const painter = useMemo(() => (width > 0 ? new MaskPainter({ x, y, width, height }) : null), [x, y, width, height]);

  useEffect(() => {
    activePainter = painter;
    painter?.replay(getMaskOps(useAppStore.getState().records).map((record) => record.op));
    return () => {
      if (activePainter === painter) activePainter = null;
    };
  }, [painter]);

  useEffect(() => {
    if (!painter) return;
    let rendered = getMaskOps(useAppStore.getState().records).map((record) => record.id);
    return useAppStore.subscribe((state, previous) => {
      if (state.records === previous.records) return;
      const ops = getMaskOps(state.records);
      const ids = ops.map((record) => record.id);
      if (sameIds(ids, rendered)) return;
      const isLiveStroke = painter.liveOpId !== undefined && ids.at(-1) === painter.liveOpId && sameIds(ids.slice(0, -1), rendered);
      painter.liveOpId = undefined;
      rendered = ids;
      if (isLiveStroke) return;
      painter.replay(ops.map((record) => record.op));
      onRepaint();
    });
  }, [painter, onRepaint]);

  return painter;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
