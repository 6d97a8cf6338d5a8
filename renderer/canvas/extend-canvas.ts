import type { Rect } from '../../shared/geometry.ts';
import { MAX_CANVAS_SIDE } from '../../shared/contract/schemas.ts';
import { DOCUMENT_ID, getDocument, type RecordMap } from '../../shared/document/records.ts';
import { addMaskOp } from '../state/document-ops.ts';

export type Edge = 'left' | 'right' | 'top' | 'bottom';

/** How far into the original the outpainting mask reaches by default, so the seam is blended, not butted. */
export const OVERLAP_BAND = 16;
const MIN_SIDE = 16;

/**
 * The edges a drag starting at a document point moves: the side(s) of the canvas it is on, the
 * two edges of a corner handle within `cornerReach`, or else the nearest edge.
 */
export function edgesAt(canvas: Rect, x: number, y: number, cornerReach = 0): Edge[] {
  const edges: Edge[] = [];
  if (x < canvas.x) edges.push('left');
  else if (x > canvas.x + canvas.width) edges.push('right');
  if (y < canvas.y) edges.push('top');
  else if (y > canvas.y + canvas.height) edges.push('bottom');
  if (edges.length > 0) return edges;
  const nearX: Edge | undefined = x - canvas.x <= cornerReach ? 'left' : canvas.x + canvas.width - x <= cornerReach ? 'right' : undefined;
  const nearY: Edge | undefined = y - canvas.y <= cornerReach ? 'top' : canvas.y + canvas.height - y <= cornerReach ? 'bottom' : undefined;
  if (nearX && nearY) return [nearX, nearY];
  const distances: Array<[Edge, number]> = [
    ['left', x - canvas.x],
    ['right', canvas.x + canvas.width - x],
    ['top', y - canvas.y],
    ['bottom', canvas.y + canvas.height - y],
  ];
  return [distances.sort((a, b) => a[1] - b[1])[0]![0]];
}

/** The canvas with `edges` moved by the drag (dx, dy) in document pixels, in whole pixels. */
export function draggedCanvas(canvas: Rect, edges: readonly Edge[], dx: number, dy: number): Rect {
  let left = canvas.x;
  let top = canvas.y;
  let right = canvas.x + canvas.width;
  let bottom = canvas.y + canvas.height;
  if (edges.includes('left')) left = Math.min(right - MIN_SIDE, Math.round(left + dx));
  if (edges.includes('right')) right = Math.max(left + MIN_SIDE, Math.round(right + dx));
  if (edges.includes('top')) top = Math.min(bottom - MIN_SIDE, Math.round(top + dy));
  if (edges.includes('bottom')) bottom = Math.max(top + MIN_SIDE, Math.round(bottom + dy));
  const width = Math.min(MAX_CANVAS_SIDE, right - left);
  const height = Math.min(MAX_CANVAS_SIDE, bottom - top);
  return { x: left, y: top, width, height };
}

/**
 * Resizes the canvas and, where it grew, masks the new strip plus an overlap band into the old
 * canvas, so Generate fills the extension: one undoable change. Shrinking (a crop) only moves
 * the canvas: the layers keep their pixels outside it, so the crop can be undone or widened again.
 */
export function extendCanvas(records: RecordMap, next: Rect, overlapBand = OVERLAP_BAND): RecordMap {
  const doc = getDocument(records);
  if (!doc) return records;
  const old = doc.canvas;
  if (old.x === next.x && old.y === next.y && old.width === next.width && old.height === next.height) return records;
  let result: RecordMap = { ...records, [DOCUMENT_ID]: { ...doc, canvas: next } };
  const band = (size: number) => Math.min(overlapBand, size);
  const oldRight = old.x + old.width;
  const oldBottom = old.y + old.height;
  const nextRight = next.x + next.width;
  const nextBottom = next.y + next.height;
  const strips: Rect[] = [];
  if (next.x < old.x) strips.push({ x: next.x, y: next.y, width: old.x - next.x + band(old.width), height: next.height });
  if (nextRight > oldRight) strips.push({ x: oldRight - band(old.width), y: next.y, width: nextRight - oldRight + band(old.width), height: next.height });
  if (next.y < old.y) strips.push({ x: next.x, y: next.y, width: next.width, height: old.y - next.y + band(old.height) });
  if (nextBottom > oldBottom) strips.push({ x: next.x, y: oldBottom - band(old.height), width: next.width, height: nextBottom - oldBottom + band(old.height) });
  for (const strip of strips) result = addMaskOp(result, { kind: 'rect', ...strip });
  return result;
}

/** Where the eight drag handles sit: the corners and the middles of the sides. */
export function handlePoints(canvas: Rect): Array<{ x: number; y: number }> {
  const xs = [canvas.x, canvas.x + canvas.width / 2, canvas.x + canvas.width];
  const ys = [canvas.y, canvas.y + canvas.height / 2, canvas.y + canvas.height];
  return ys.flatMap((y, row) => xs.flatMap((x, col) => (row === 1 && col === 1 ? [] : [{ x, y }])));
}

/** Handle size on screen, in CSS pixels. */
export const HANDLE_SIZE = 10;
