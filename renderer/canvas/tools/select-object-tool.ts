import type { MaskInput } from '../../../shared/contract/schemas.ts';
import { toErrorInfo } from '../../../shared/errors.ts';
import type { Rect } from '../../../shared/geometry.ts';
import { errorMessage } from '../../i18n/messages.ts';
import { call } from '../../platform/api.ts';
import { containsPoint } from '../../selection/analysis-region.ts';
import { ensureAnalysis } from '../../selection/object-analysis.ts';
import { commitRasterOp, storeRasterMask } from '../../selection/raster-mask.ts';
import { maskImage } from '../mask-image.ts';
import { rectFromCorners } from '../shape-path.ts';
import { selectionTarget, type CanvasTool, type ToolContext } from './tool.ts';

/** A drag shorter than this (screen pixels) is a click, not a box. */
const DRAG_THRESHOLD_PX = 4;
/** The candidate's colour on screen: the mask's pink, so it reads as "this will be masked". */
const CANDIDATE_RGB = [255, 45, 110] as const;

interface ObjectInProgress {
  embeddingId?: string;
  points: { x: number; y: number; include: boolean }[];
  box?: Rect;
  candidateId?: string;
  mask: MaskInput | null;
}

/**
 * Select object: click = the object under the pointer; Alt-click = leave that part out; drag =
 * the object in the box; more clicks refine the same object (all its points go to the model
 * with the previous low-res mask). Enter or a Shift-click commits it (grown by the chosen
 * amount) and a Shift-click starts the next object; Esc drops it. Requests run one at a time,
 * in order, each after the photo's analysis.
 */
export function createSelectObjectTool(context: ToolContext): CanvasTool {
  let current: ObjectInProgress | null = null;
  let drag: { x: number; y: number } | null = null;
  let queue: Promise<void> = Promise.resolve();
  /** Bumped by Esc and commits, so an answer for a dropped object is ignored. */
  let generation = 0;

  const setBusy = (busy: boolean) => {
    document.body.dataset.selectObjectBusy = busy ? 'true' : 'false';
  };
  const show = () => {
    if (current?.mask) context.preview.show({ kind: 'raster', image: maskImage(current.mask, CANDIDATE_RGB), rect: current.mask });
    else context.preview.clear();
  };
  const enqueue = (work: () => Promise<void>) => {
    setBusy(true);
    queue = queue
      .then(work)
      .catch((error: unknown) => {
        if (toErrorInfo(error).code !== 'ANALYSIS_CANCELLED') context.store.getState().notify('error', errorMessage(error, 'selection:notice.selectObjectFailed'));
      })
      .finally(() => setBusy(false));
  };

  const segment = (object: ObjectInProgress) => {
    const mine = generation;
    const clickedAt = performance.now();
    enqueue(async () => {
      const { embeddingId, region } = await ensureAnalysis();
      if (mine !== generation) return;
      // Zoomed in, the analysis covers the visible part only; after a pan or zoom the object
      // starts again from the points in the new region (the old candidate's logits do not apply).
      if (object.embeddingId && object.embeddingId !== embeddingId) {
        object.points = object.points.filter((p) => containsPoint(region, p.x, p.y));
        delete object.candidateId;
        delete object.box;
      }
      object.embeddingId = embeddingId;
      if (object.points.length === 0 && !object.box) return;
      if (object.points.some((p) => !containsPoint(region, p.x, p.y))) return;
      const result = await call('segmentObject', {
        embeddingId,
        points: object.points,
        ...(object.box ? { box: object.box } : {}),
        ...(object.candidateId ? { previousId: object.candidateId } : {}),
      });
      if (mine !== generation) return;
      object.candidateId = result.candidateId;
      object.mask = result.mask;
      current = object;
      show();
      // A marker for tests and the benchmark: the candidate is on screen after this frame.
      const area = result.mask ? result.mask.alpha.reduce((sum, value) => sum + (value > 0 ? 1 : 0), 0) : 0;
      requestAnimationFrame(() => {
        document.body.dataset.objectCandidate = result.candidateId;
        document.body.dataset.objectCandidateArea = String(area);
        document.body.dataset.objectLatencyMs = (performance.now() - clickedAt).toFixed(1);
      });
    });
  };

  const commit = () => {
    const object = current;
    current = null;
    generation++;
    context.preview.clear();
    if (!object?.mask) return;
    const target = selectionTarget(context);
    const growPx = context.store.getState().objectGrowPx;
    const mask = object.mask;
    enqueue(async () => {
      const op = await storeRasterMask(mask, 'add', growPx > 0 ? { kind: 'grow', px: growPx } : undefined);
      if (op) commitRasterOp(op, target, 'Select object');
    });
  };

  const drop = () => {
    current = null;
    drag = null;
    generation++;
    context.preview.clear();
  };

  return {
    activate() {
      ensureAnalysis().catch(() => undefined);
    },
    down(pointer) {
      drag = { x: pointer.x, y: pointer.y };
      return true;
    },
    move(pointer) {
      if (!drag) return;
      const box = rectFromCorners(drag.x, drag.y, pointer.x, pointer.y);
      const scale = context.store.getState().view.scale;
      if (Math.max(box.width, box.height) * scale >= DRAG_THRESHOLD_PX) context.preview.show({ kind: 'shape', shape: { kind: 'rect', ...box, mode: 'add' } });
    },
    up(pointer) {
      const start = drag;
      drag = null;
      if (!start) return;
      const box = rectFromCorners(start.x, start.y, pointer.x, pointer.y);
      const scale = context.store.getState().view.scale;
      if (Math.max(box.width, box.height) * scale >= DRAG_THRESHOLD_PX) {
        // A box starts a new object (committing the one in progress only with Shift).
        if (pointer.shift) commit();
        else drop();
        segment({ points: [], box, mask: null });
        return;
      }
      if (pointer.shift && current) commit();
      const object = current ?? { points: [], mask: null };
      segment({ ...object, points: [...object.points, { x: pointer.x, y: pointer.y, include: !pointer.alt }] });
    },
    cancel: drop,
    key(event) {
      if (!current && !drag) return false;
      if (event.key === 'Escape') drop();
      else if (event.key === 'Enter' && !(event.ctrlKey || event.metaKey)) commit();
      else return false;
      return true;
    },
  };
}
