import { describe, expect, it } from 'vitest';
import { canvasWithSides, lockRatio, reduceRatio, sidesForSize, sizeForRatio } from './aspect.ts';

const photo = { x: 0, y: 0, width: 600, height: 400 };

describe('aspect presets', () => {
  it('a 3:2 photo extended to 4:5 gets exactly 4:5, keeping its full width', () => {
    expect(sizeForRatio(600, 400, { w: 4, h: 5 }, 'extend')).toEqual({ width: 600, height: 750 });
    expect(sizeForRatio(6000, 4000, { w: 4, h: 5 }, 'extend')).toEqual({ width: 6000, height: 7500 });
    // Not a multiple: the next exact 4:5 size that holds the photo.
    expect(sizeForRatio(601, 400, { w: 4, h: 5 }, 'extend')).toEqual({ width: 604, height: 755 });
  });

  it('crop finds the largest exact ratio inside the canvas', () => {
    expect(sizeForRatio(600, 400, { w: 1, h: 1 }, 'crop')).toEqual({ width: 400, height: 400 });
    expect(sizeForRatio(600, 400, { w: 16, h: 9 }, 'crop')).toEqual({ width: 592, height: 333 });
  });

  it('custom ratios are reduced first', () => {
    expect(reduceRatio({ w: 1920, h: 1080 })).toEqual({ w: 16, h: 9 });
  });

  it('the anchor decides where the new pixels go', () => {
    const size = { width: 600, height: 750 };
    expect(sidesForSize(photo, size, { col: 1, row: 1 })).toEqual({ left: 0, right: 0, top: 175, bottom: 175 });
    expect(sidesForSize(photo, size, { col: 1, row: 0 })).toEqual({ left: 0, right: 0, top: 0, bottom: 350 });
    expect(sidesForSize(photo, size, { col: 1, row: 2 })).toEqual({ left: 0, right: 0, top: 350, bottom: 0 });
    expect(canvasWithSides(photo, { left: 0, right: 0, top: 175, bottom: 175 })).toEqual({ x: 0, y: -175, width: 600, height: 750 });
    // Cropping: negative sides.
    expect(canvasWithSides(photo, sidesForSize(photo, { width: 400, height: 400 }, { col: 1, row: 1 }))).toEqual({ x: 100, y: 0, width: 400, height: 400 });
  });

  it('lock ratio keeps the start’s ratio while one side is dragged', () => {
    expect(lockRatio(photo, { x: 0, y: 0, width: 900, height: 400 }, true)).toEqual({ x: 0, y: -100, width: 900, height: 600 });
    expect(lockRatio(photo, { x: 0, y: -200, width: 600, height: 600 }, false)).toEqual({ x: -150, y: -200, width: 900, height: 600 });
  });
});
