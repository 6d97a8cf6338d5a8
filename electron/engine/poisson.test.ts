import { describe, expect, it } from 'vitest';
import { poissonBlendSeams } from './poisson.ts';

describe('poissonBlendSeams', () => {
  it('spreads the seam step over the hole, keeps the hole’s own detail and never writes known pixels', () => {
    const width = 24;
    const height = 20;
    const rgba = new Uint8Array(width * height * 4).fill(255);
    const hole = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = y * width + x;
        const inside = x >= 6 && x < 18 && y >= 5 && y < 15;
        hole[i] = inside ? 1 : 0;
        // Known: flat 100; hole: 140 with a ±10 checker (the fill's "texture").
        const v = inside ? 140 + ((x + y) % 2 ? 10 : -10) : 100;
        rgba.fill(v, i * 4, i * 4 + 3);
      }
    }
    const before = new Uint8Array(rgba);
    // Every hole pixel matched the flat known area at (2, 2).
    const srcX = new Int32Array(width * height).fill(-1);
    const srcY = new Int32Array(width * height).fill(-1);
    for (let i = 0; i < hole.length; i++) {
      if (!hole[i]) continue;
      srcX[i] = 2;
      srcY[i] = 2;
    }
    const field = { width, height, radius: 1, targets: new Int32Array(0), srcX, srcY, dist: new Int32Array(width * height).fill(1_000_000), sources: { valid: new Uint8Array(0), list: new Int32Array(0) } };
    poissonBlendSeams({ width, height, rgba, hole }, field, 300);
    let mean = 0;
    for (let i = 0; i < hole.length; i++) {
      if (!hole[i]) {
        for (let c = 0; c < 4; c++) expect(rgba[i * 4 + c]).toBe(before[i * 4 + c]);
        continue;
      }
      mean += rgba[i * 4]!;
    }
    mean /= 120;
    // The step of 40 is gone (the hole now sits at the boundary's level) …
    expect(Math.abs(mean - 100)).toBeLessThan(3);
    // … and the checker is still there.
    const a = (10 * width + 10) * 4;
    const b = (10 * width + 11) * 4;
    expect(Math.abs(rgba[a]! - rgba[b]!)).toBeGreaterThanOrEqual(18);
  });
});

describe('poissonBlendSeams inside the hole', () => {
  // A ramp (2 per column) with a ±5 checker; the hole's left half was copied from 10 columns
  // to the left and its right half from 10 columns to the right, so the copied values step
  // by 42 between columns 19 and 20, where the ramp itself steps by 2.
  const width = 40;
  const height = 20;
  const inHole = (x: number, y: number): boolean => x >= 14 && x < 26 && y >= 5 && y < 15;
  function copiedFill(): { rgba: Uint8Array; hole: Uint8Array; copiedFrom: Int32Array; srcX: Int32Array; srcY: Int32Array } {
    const rgba = new Uint8Array(width * height * 4).fill(255);
    const hole = new Uint8Array(width * height);
    const copiedFrom = new Int32Array(width * height).fill(-1);
    const srcX = new Int32Array(width * height).fill(-1);
    const srcY = new Int32Array(width * height).fill(-1);
    const known = (x: number, y: number): number => 100 + 2 * x + ((x + y) % 2 ? 5 : -5);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) rgba.fill(known(x, y), (y * width + x) * 4, (y * width + x) * 4 + 3);
    }
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        if (!inHole(x, y)) continue;
        const i = y * width + x;
        const sx = x < 20 ? x - 10 : x + 10;
        hole[i] = 1;
        copiedFrom[i] = y * width + sx;
        srcX[i] = sx;
        srcY[i] = y;
        rgba.fill(known(sx, y), i * 4, i * 4 + 3);
      }
    }
    return { rgba, hole, copiedFrom, srcX, srcY };
  }
  const columnMean = (rgba: Uint8Array, x: number): number => {
    let sum = 0;
    for (let y = 5; y < 15; y++) sum += rgba[(y * width + x) * 4]!;
    return sum / 10;
  };
  const blend = (withSources: boolean): Uint8Array => {
    const { rgba, hole, copiedFrom, srcX, srcY } = copiedFill();
    const field = { width, height, radius: 1, targets: new Int32Array(0), srcX, srcY, dist: new Int32Array(width * height).fill(1_000_000), sources: { valid: new Uint8Array(0), list: new Int32Array(0) } };
    poissonBlendSeams({ width, height, rgba, hole }, field, 300, withSources ? copiedFrom : undefined);
    return rgba;
  };

  it('spreads the step between pixels copied from different places and keeps each copy’s texture', () => {
    const out = blend(true);
    expect(Math.abs(columnMean(out, 20) - columnMean(out, 19) - 2)).toBeLessThan(4);
    // The checker inside each half is untouched by the correction.
    const at = (x: number, y: number): number => out[(y * width + x) * 4]!;
    expect(Math.abs(at(16, 10) - at(17, 10))).toBeGreaterThanOrEqual(8);
    expect(Math.abs(at(23, 10) - at(24, 10))).toBeGreaterThanOrEqual(8);
  });

  it('leaves that step alone without the copy sources (the fill’s own gradients are kept)', () => {
    const out = blend(false);
    expect(columnMean(out, 20) - columnMean(out, 19)).toBeGreaterThan(30);
  });
});
