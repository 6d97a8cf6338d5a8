import { describe, expect, it } from 'vitest';
import { fitView, screenToDocument, visibleDocumentRect, zoomAt } from './view-math.ts';

describe('view math', () => {
  it('fits a large canvas inside the viewport, centred', () => {
    const view = fitView({ x: 0, y: 0, width: 6000, height: 4000 }, { width: 1248, height: 848 });
    expect(view.scale).toBeCloseTo(0.2);
    expect(view.x).toBe(24);
  });

  it('never enlarges a small canvas when fitting', () => {
    expect(fitView({ x: 0, y: 0, width: 100, height: 100 }, { width: 1000, height: 800 }).scale).toBe(1);
  });

  it('keeps the point under the cursor fixed while zooming', () => {
    const view = { scale: 0.5, x: 10, y: 20 };
    const at = { x: 300, y: 200 };
    const before = screenToDocument(view, at);
    const after = screenToDocument(zoomAt(view, at, 2.5), at);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });

  it('tells the part of the document a zoomed and panned viewport shows', () => {
    expect(visibleDocumentRect({ scale: 2, x: -100, y: 50 }, { width: 800, height: 600 })).toEqual({ x: 50, y: -25, width: 400, height: 300 });
  });
});
