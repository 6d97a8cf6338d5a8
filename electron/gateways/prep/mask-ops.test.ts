import { describe, expect, it } from 'vitest';
import { blendMaskFromDistance, blendMaskFromField, clampBlendOptions, distanceField, distanceFromMask, editAreaFromBlend, MAX_TOUCH_PX } from './mask-ops.ts';
import { maskBounds } from '../../../shared/mask-bounds.ts';

function disc(width: number, height: number, cx: number, cy: number, r: number): Uint8Array {
  const m = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) m[y * width + x] = 255;
  return m;
}

/** Brute force, for checking the transform. */
function bruteDistance(mask: Uint8Array, width: number, height: number, x: number, y: number): number {
  let best = Infinity;
  for (let j = 0; j < height; j++) for (let i = 0; i < width; i++) if ((mask[j * width + i] ?? 0) > 0) best = Math.min(best, Math.hypot(i - x, j - y));
  return best;
}

describe('mask ops', () => {
  it('finds the bounding box', () => {
    const m = new Uint8Array(100);
    m[23] = 10;
    m[76] = 255;
    expect(maskBounds(m, 10, 10)).toEqual({ x: 3, y: 2, width: 4, height: 6 });
    expect(maskBounds(new Uint8Array(100), 10, 10)).toBeUndefined();
  });

  it('the distance transform is exact Euclidean', () => {
    const w = 90;
    const h = 70;
    const m = new Uint8Array(w * h);
    for (const [x, y] of [[10, 10], [60, 40], [45, 65]] as const) m[y * w + x] = 255;
    const d = distanceFromMask(m, w, h, 200);
    for (let k = 0; k < 300; k++) {
      const x = (k * 37) % w;
      const y = (k * 53) % h;
      expect(d[y * w + x]).toBeCloseTo(bruteDistance(m, w, h, x, y), 4);
    }
  });

  it('the blend mask never reaches past 32 px, even with oversized options', () => {
    const w = 200;
    const h = 200;
    const m = disc(w, h, 100, 100, 20);
    const d = distanceFromMask(m, w, h, 64);
    for (const options of [{ growPx: 8, featherPx: 16 }, { growPx: 30, featherPx: 30 }, { growPx: 0, featherPx: 100 }]) {
      const blend = blendMaskFromDistance(d, options);
      for (let i = 0; i < w * h; i++) {
        if ((d[i] ?? Infinity) > MAX_TOUCH_PX) expect(blend[i]).toBe(0);
        if ((m[i] ?? 0) > 0) expect(blend[i]).toBe(255);
      }
    }
    expect(clampBlendOptions({ growPx: 30, featherPx: 30 })).toEqual({ growPx: 30, featherPx: 2 });
  });

  it('grows fully, then feathers smoothly down to zero', () => {
    const w = 100;
    const m = new Uint8Array(w * 10);
    for (let y = 0; y < 10; y++) m[y * w] = 255; // column x = 0
    const blend = blendMaskFromDistance(distanceFromMask(m, w, 10, 40), { growPx: 8, featherPx: 16 });
    const row = [...blend.subarray(5 * w, 5 * w + 30)];
    expect(row.slice(0, 9)).toEqual(Array(9).fill(255));
    for (let x = 9; x < 24; x++) expect(row[x] ?? 0).toBeLessThanOrEqual(row[x - 1] ?? 0);
    expect(row[24]).toBe(0);
    expect([...editAreaFromBlend(blend).subarray(5 * w, 5 * w + 26)].filter((v) => v === 255)).toHaveLength(24);
  });

  it('finds the bounding box from words and row ends the same as pixel by pixel', () => {
    const w = 37;
    const h = 23;
    for (let k = 0; k < 200; k++) {
      const m = new Uint8Array(w * h);
      for (let j = 0; j < 1 + (k % 5); j++) m[(k * 7919 + j * 104729) % (w * h)] = 1 + ((k + j) % 255);
      let x0 = w, y0 = h, x1 = -1, y1 = -1;
      for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if ((m[y * w + x] ?? 0) > 0) [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
      expect(maskBounds(m, w, h)).toEqual({ x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 });
    }
  });

  it('the boxed field, blend and edit area equal the whole-crop ones', () => {
    const w = 300;
    const h = 200;
    const m = disc(w, h, 120, 90, 30);
    m[150 * w + 250] = 255;
    const field = distanceField(m, w, h, 52);
    expect(field.box).toEqual({ x: 37, y: 7, width: 263, height: 193 }); // mask box ± 53, clipped
    const full = distanceFromMask(m, w, h, 52);
    const options = { growPx: 8, featherPx: 16 };
    const blend = blendMaskFromField(field, w, h, options);
    expect(blend).toEqual(blendMaskFromDistance(full, options));
    expect(editAreaFromBlend(blend, w, field.box)).toEqual(editAreaFromBlend(blend));
    const edit = new Uint8Array(w * h);
    expect(blendMaskFromField(field, w, h, options, edit)).toEqual(blend);
    expect(edit).toEqual(editAreaFromBlend(blend));
  });
});
