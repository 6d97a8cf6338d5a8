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
