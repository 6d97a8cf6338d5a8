import { describe, expect, it } from 'vitest';
import { cropRgba, detectOutpaint, isBlank } from './outpaint.ts';

function setup(width: number, height: number, empty: (x: number, y: number) => boolean) {
  const data = new Uint8Array(width * height * 4).fill(200);
  const mask = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (empty(x, y)) {
    data[(y * width + x) * 4 + 3] = 0;
    mask[y * width + x] = 255;
  }
  return { image: { width, height, data }, mask };
}

describe('outpaint detection', () => {
  it('finds a strip on each side', () => {
    expect(detectOutpaint(...Object.values(setup(100, 80, (x) => x >= 70)) as [never, never])).toEqual({ direction: 'right', pixels: 30, known: { x: 0, y: 0, width: 70, height: 80 } });
    const left = setup(100, 80, (x) => x < 10);
    expect(detectOutpaint(left.image, left.mask)?.direction).toBe('left');
    const top = setup(100, 80, (_x, y) => y < 5);
    expect(detectOutpaint(top.image, top.mask)).toMatchObject({ direction: 'top', pixels: 5 });
    const bottom = setup(100, 80, (_x, y) => y >= 60);
    expect(detectOutpaint(bottom.image, bottom.mask)).toMatchObject({ direction: 'bottom', pixels: 20, known: { height: 60 } });
  });

  it('finds an equal frame on all sides', () => {
    const all = setup(100, 80, (x, y) => x < 8 || y < 8 || x >= 92 || y >= 72);
    expect(detectOutpaint(all.image, all.mask)).toEqual({ direction: 'all', pixels: 8, known: { x: 8, y: 8, width: 84, height: 64 } });
  });

  it('an ordinary inpaint, or a strip over existing pixels, is not an outpaint', () => {
    const hole = setup(100, 80, (x, y) => x > 40 && x < 60 && y > 30 && y < 50);
    expect(detectOutpaint(hole.image, hole.mask)).toBeUndefined();
    const painted = setup(100, 80, (x) => x >= 70);
    painted.image.data.fill(200);
    expect(detectOutpaint(painted.image, painted.mask)).toBeUndefined();
  });

  it('blank and crop helpers', () => {
    const blank = setup(4, 4, () => true);
    expect(isBlank(blank.image)).toBe(true);
    expect(isBlank(setup(4, 4, (x) => x > 0).image)).toBe(false);
    const img = { width: 3, height: 2, data: Uint8Array.from({ length: 24 }, (_, i) => i) };
    expect([...cropRgba(img, { x: 1, y: 1, width: 2, height: 1 }).data]).toEqual([16, 17, 18, 19, 20, 21, 22, 23]);
  });
});
