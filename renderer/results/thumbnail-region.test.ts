import { describe, expect, it } from 'vitest';
import { fitScale, generateArea, thumbnailRegion } from './thumbnail-region.ts';

describe('thumbnail and generate geometry', () => {
  const canvas = { x: 0, y: 0, width: 600, height: 400 };

  it('shows a candidate with a margin of its surroundings, clipped to the canvas', () => {
    expect(thumbnailRegion({ x: 200, y: 130, width: 100, height: 40 }, canvas)).toEqual({ x: 165, y: 95, width: 170, height: 110 });
    expect(thumbnailRegion({ x: 0, y: 0, width: 600, height: 400 }, canvas)).toEqual(canvas);
    expect(fitScale({ width: 600, height: 400 }, { width: 150, height: 90 })).toBeCloseTo(0.225);
    expect(fitScale({ width: 50, height: 40 }, { width: 150, height: 90 })).toBe(1);
  });

  it('generates over the whole canvas up to 2048 px, else a centred area at about the model size', () => {
    expect(generateArea(canvas)).toEqual(canvas);
    expect(generateArea({ x: -100, y: 0, width: 6000, height: 4000 })).toEqual({ x: 2132, y: 1488, width: 1536, height: 1024 });
  });
});
