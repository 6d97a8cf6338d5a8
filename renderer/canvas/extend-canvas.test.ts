import { describe, expect, it } from 'vitest';
import { getDocument, getMaskOps, type RecordMap } from '../../shared/document/records.ts';
import { draggedCanvas, edgesAt, extendCanvas, OVERLAP_BAND } from './extend-canvas.ts';

const canvas = { x: 0, y: 0, width: 600, height: 400 };
const records: RecordMap = { document: { typeName: 'document', id: 'document', name: 'a', canvas, order: [] } };

describe('extend canvas', () => {
  it('moves the edge the drag starts beside', () => {
    expect(edgesAt(canvas, 650, 200)).toEqual(['right']);
    expect(edgesAt(canvas, -10, -10)).toEqual(['left', 'top']);
    expect(edgesAt(canvas, 5, 200)).toEqual(['left']);
  });

  it('extends left by moving the origin negative, in whole pixels', () => {
    expect(draggedCanvas(canvas, ['left'], -100.4, 0)).toEqual({ x: -100, y: 0, width: 700, height: 400 });
    expect(draggedCanvas(canvas, ['right'], -1000, 0).width).toBe(16);
  });

  it('masks the new strip plus an overlap band into the original', () => {
    const next = extendCanvas(records, { x: -100, y: 0, width: 700, height: 480 });
    expect(getDocument(next)?.canvas).toEqual({ x: -100, y: 0, width: 700, height: 480 });
    const rects = getMaskOps(next).map((r) => r.op);
    expect(rects).toEqual([
      { kind: 'rect', x: -100, y: 0, width: 100 + OVERLAP_BAND, height: 480 },
      { kind: 'rect', x: -100, y: 400 - OVERLAP_BAND, width: 700, height: 80 + OVERLAP_BAND },
    ]);
  });

  it('changes nothing when the canvas is the same', () => {
    expect(extendCanvas(records, { ...canvas })).toBe(records);
  });
});
