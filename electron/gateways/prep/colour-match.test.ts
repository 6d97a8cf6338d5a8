import { describe, expect, it } from 'vitest';
import { matchColoursInRing } from './colour-match.ts';

function image(width: number, height: number, pixel: (x: number) => [number, number, number]) {
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const [r, g, b] = pixel(i % width);
    data.set([r, g, b, 255], i * 4);
  }
  return { width, height, data };
}

describe('colour match in the ring', () => {
  const width = 100;
  const height = 20;
  // Distance = x (the painted mask is the column x = 0).
  const distance = new Float32Array(width * height).map((_, i) => i % width);

  it('undoes a tone shift and a contrast change measured in the ring', () => {
    const original = image(width, height, (x) => [50 + x, 100, 150 - x]);
    const shifted = image(width, height, (x) => [Math.round((50 + x) * 1.1 + 10), 110, 150 - x - 15]);
    const match = matchColoursInRing(original, shifted, distance, 24, 40);
    expect(match.applied).toBe(true);
    for (const x of [30, 60, 90]) {
      const o = x * 4;
      expect(Math.abs((shifted.data[o] ?? 0) - (original.data[o] ?? 0))).toBeLessThanOrEqual(1);
      expect(Math.abs((shifted.data[o + 1] ?? 0) - 100)).toBeLessThanOrEqual(1);
      expect(Math.abs((shifted.data[o + 2] ?? 0) - (original.data[o + 2] ?? 0))).toBeLessThanOrEqual(1);
    }
  });

  it('leaves the answer alone when the ring was repainted (the model ignored the mask)', () => {
    const original = image(width, height, () => [40, 40, 40]);
    const repainted = image(width, height, () => [255, 0, 255]);
    const match = matchColoursInRing(original, repainted, distance, 24, 40);
    expect(match).toMatchObject({ applied: false, reason: 'the model repainted the ring' });
    expect([...repainted.data.subarray(0, 3)]).toEqual([255, 0, 255]);
  });

  it('skips a ring with too few pixels', () => {
    const original = image(width, height, () => [40, 40, 40]);
    expect(matchColoursInRing(original, image(width, height, () => [50, 50, 50]), distance, 24, 24.5).applied).toBe(false);
  });
});
