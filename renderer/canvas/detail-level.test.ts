import { describe, expect, it } from 'vitest';
import { detailLevelFor, detailLevelSize } from './detail-level.ts';

describe('detail levels', () => {
  it('keeps full size from half a screen pixel per image pixel up', () => {
    expect(detailLevelFor(4)).toBe(0);
    expect(detailLevelFor(1)).toBe(0);
    expect(detailLevelFor(0.5)).toBe(0);
  });

  it('picks the coarsest level that still covers every screen pixel', () => {
    // A 6000 px wide photo fitted into about 1200 px: 0.2 screen pixels per image pixel.
    expect(detailLevelFor(0.2)).toBe(2);
    expect(1 / 2 ** detailLevelFor(0.2)).toBeGreaterThanOrEqual(0.2);
    expect(detailLevelFor(0.49)).toBe(1);
    expect(detailLevelFor(0.25)).toBe(2);
    expect(detailLevelFor(0.01)).toBe(4);
  });

  it('falls back to full size for a scale that makes no sense', () => {
    expect(detailLevelFor(0)).toBe(0);
    expect(detailLevelFor(Number.NaN)).toBe(0);
  });

  it('rounds sizes up and never below one pixel', () => {
    expect(detailLevelSize(6000, 4000, 2)).toEqual({ width: 1500, height: 1000 });
    expect(detailLevelSize(769, 3, 1)).toEqual({ width: 385, height: 2 });
    expect(detailLevelSize(5, 5, 4)).toEqual({ width: 1, height: 1 });
  });
});
