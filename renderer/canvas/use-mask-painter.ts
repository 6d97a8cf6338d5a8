import { useEffect, useMemo } from 'react';
import type { Rect } from '../../shared/geometry.ts';
import { getMaskOps, type MaskTarget } from '../../shared/document/records.ts';
import { useAppStore } from '../state/store.ts';
import { errorMessage } from '../i18n/messages.ts';
import { loadRasterBitmaps } from './raster-mask-bitmaps.ts';
import { EXCLUDE_COLOR, MASK_COLOR, MaskPainter } from './mask-painter.ts';

const activePainters: Record<MaskTarget, MaskPainter | null> = { fill: null, exclude: null };
const colors: Record<MaskTarget, string> = { fill: MASK_COLOR, exclude: EXCLUDE_COLOR };

/** The painter of the open document's fill mask or exclusion, for code outside React (actions, jobs). */
export function currentMaskPainter(target: MaskTarget = 'fill'): MaskPainter | null {
  return activePainters[target];
}

/**
 * One MaskPainter per canvas size and mask, kept in step with that mask's records. A stroke the
 * painter has just drawn live is not drawn again when its record lands; anything else (undo,
 * redo, clear, invert) replays the records.
 */
export function useMaskPainter(canvas: Rect | undefined, onRepaint: () => void, target: MaskTarget = 'fill'): MaskPainter | null {
  const [x, y, width, height] = canvas ? [canvas.x, canvas.y, canvas.width, canvas.height] : [0, 0, 0, 0];
  const painter = useMemo(() => (width > 0 ? new MaskPainter({ x, y, width, height }, colors[target]) : null), [x, y, width, height, target]);

  useEffect(() => {
    activePainters[target] = painter;
    if (painter) replayWithRasters(painter, target, onRepaint);
    return () => {
      if (activePainters[target] === painter) activePainters[target] = null;
    };
  }, [painter, target, onRepaint]);

  useEffect(() => {
    if (!painter) return;
    let rendered = getMaskOps(useAppStore.getState().records, target).map((record) => record.id);
    return useAppStore.subscribe((state, previous) => {
      if (state.records === previous.records) return;
      const ops = getMaskOps(state.records, target);
      const ids = ops.map((record) => record.id);
      if (sameIds(ids, rendered)) return;
      const isLiveStroke = painter.liveOpId !== undefined && ids.at(-1) === painter.liveOpId && sameIds(ids.slice(0, -1), rendered);
      painter.liveOpId = undefined;
      rendered = ids;
      if (isLiveStroke) return;
      replayWithRasters(painter, target, onRepaint);
      onRepaint();
    });
  }, [painter, onRepaint, target]);

  return painter;
}

/** Replays the mask now, and once more when raster records' bitmaps have been decoded. */
function replayWithRasters(painter: MaskPainter, target: MaskTarget, onRepaint: () => void): void {
  const ops = () => getMaskOps(useAppStore.getState().records, target).map((record) => record.op);
  painter.replay(ops());
  loadRasterBitmaps(ops()).then(
    (loaded) => {
      if (!loaded) return;
      painter.replay(ops());
      onRepaint();
    },
    (error: unknown) => useAppStore.getState().notify('error', errorMessage(error, 'selection:notice.maskNotShown')),
  );
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
