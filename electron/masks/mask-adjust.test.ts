import { describe, expect, it } from 'vitest';
import type { MaskInput } from '../../shared/contract/schemas.ts';
import { adjustMask } from './mask-adjust.ts';

const canvas = { x: 0, y: 0, width: 100, height: 100 };

/** A filled square of side `side` at (x, y). */
function square(x: number, y: number, side: number): MaskInput {
  return { x, y, width: side, height: side, alpha: new Uint8Array(side * side).fill(255) };
}

function at(mask: MaskInput | null, x: number, y: number): number {
  if (!mask || x < mask.x || y < mask.y || x >= mask.x + mask.width || y >= mask.y + mask.height) return 0;
  return mask.alpha[(y - mask.y) * mask.width + (x - mask.x)]!;
}

describe('adjustMask', () => {
  it('grows by exactly the amount, diagonals included', () => {
    const grown = adjustMask(square(40, 40, 20), canvas, { kind: 'grow', px: 6 })!;
    expect(grown).toMatchObject({ x: 34, y: 34, width: 32, height: 32 });
    expect(at(grown, 34, 50)).toBe(255);
    expect(at(grown, 33, 50)).toBe(0);
    // A corner grows round: (40-4, 40-4) is 5.7 px from the square, (40-5, 40-5) 7.1 px.
    expect(at(grown, 36, 36)).toBe(255);
    expect(at(grown, 35, 35)).toBe(0);
  });

  it('shrinks by the amount and away from the canvas edge', () => {
    const shrunk = adjustMask(square(40, 40, 20), canvas, { kind: 'shrink', px: 5 })!;
    expect(shrunk).toMatchObject({ x: 45, y: 45, width: 10, height: 10 });
    const edge = adjustMask(square(0, 0, 20), canvas, { kind: 'shrink', px: 5 })!;
    expect(edge).toMatchObject({ x: 5, y: 5, width: 10, height: 10 });
    expect(adjustMask(square(40, 40, 8), canvas, { kind: 'shrink', px: 5 })).toBeNull();
  });

  it('feathers into a ramp centred on the edge', () => {
    const soft = adjustMask(square(40, 40, 20), canvas, { kind: 'feather', px: 4 })!;
    const row = [34, 36, 38, 40, 42, 44, 46].map((x) => at(soft, x, 50));
    for (let i = 1; i < row.length; i++) expect(row[i]!).toBeGreaterThanOrEqual(row[i - 1]!);
    expect(row[0]).toBe(0);
    expect(row.at(-1)).toBe(255);
    expect(at(soft, 40, 50)).toBeGreaterThan(100);
    expect(at(soft, 40, 50)).toBeLessThan(200);
  });

  it('clips to the canvas', () => {
    const grown = adjustMask(square(95, 95, 5), canvas, { kind: 'grow', px: 10 })!;
    expect(grown.x + grown.width).toBe(100);
    expect(grown.y + grown.height).toBe(100);
  });
});
