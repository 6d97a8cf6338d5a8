import { describe, expect, it } from 'vitest';
import { analysisRegion, containsPoint } from './analysis-region.ts';

const canvas = { x: 0, y: 0, width: 6000, height: 4000 };
const viewport = { width: 1000, height: 800 };

describe('analysisRegion', () => {
  it('is the whole canvas when the view shows half of it or more', () => {
    expect(analysisRegion(canvas, { scale: 0.15, x: 50, y: 100 }, viewport)).toEqual(canvas);
  });

  it('is the visible part when zoomed in', () => {
    // At 100 %, panned so document (2000, 1000) is at the top-left of the view.
    const region = analysisRegion(canvas, { scale: 1, x: -2000, y: -1000 }, viewport);
    expect(region).toEqual({ x: 2000, y: 1000, width: 1001, height: 801 });
    expect(containsPoint(region, 2500, 1400)).toBe(true);
    expect(containsPoint(region, 3100, 1400)).toBe(false);
  });

  it('clips to the canvas at its edges', () => {
    const region = analysisRegion(canvas, { scale: 1, x: 200, y: 100 }, viewport);
    expect(region).toEqual({ x: 0, y: 0, width: 801, height: 701 });
  });
});
