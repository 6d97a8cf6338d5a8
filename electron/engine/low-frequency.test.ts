import { describe, expect, it } from 'vitest';
import { correctLowFrequencies, limitHueChange } from './low-frequency.ts';

const luma = (c: ArrayLike<number>): number => 0.299 * c[0]! + 0.587 * c[1]! + 0.114 * c[2]!;

describe('limitHueChange', () => {
  it('keeps the brightness change whole and shortens only the change of hue', () => {
    const out = new Float64Array(3);
    limitHueChange(-190, -70, -30, 16, out);
    expect(luma(out)).toBeCloseTo(luma([-190, -70, -30]), 6);
    const l = luma(out);
    expect(Math.hypot(out[0]! - l, out[1]! - l, out[2]! - l)).toBeCloseTo(16, 6);
    limitHueChange(-5, 3, 2, 16, out);
    expect([...out]).toEqual([-5, 3, 2].map((v) => expect.closeTo(v, 9)));
  });
});

describe('correctLowFrequencies', () => {
  it('moves the fill towards the smooth fill’s brightness without inventing a hue', () => {
    // A 20×20 hole in a 40×40 crop: the patch fill is orange with a white 4×4 island, the
    // smooth fill says dark grey. Corrected per channel, the island would turn cyan.
    const width = 40;
    const height = 40;
    const rgba = new Uint8Array(width * height * 4).fill(255);
    const smooth = new Uint8Array(width * height * 4).fill(255);
    const hole = new Uint8Array(width * height);
    for (let y = 10; y < 30; y++) {
      for (let x = 10; x < 30; x++) {
        const i = y * width + x;
        hole[i] = 1;
        const island = x >= 18 && x < 22 && y >= 18 && y < 22;
        rgba.set(island ? [250, 250, 250, 255] : [230, 110, 70, 255], i * 4);
        smooth.set([40, 40, 40, 255], i * 4);
      }
    }
    correctLowFrequencies({ width, height, rgba, hole }, smooth);
    const island = (20 * width + 20) * 4;
    const [r, g, b] = [rgba[island]!, rgba[island + 1]!, rgba[island + 2]!];
    // Much darker, as the smooth fill asks …
    expect(luma([r, g, b])).toBeLessThan(160);
    // … but still a grey: the hue moved by at most the limit (16 levels, plus rounding).
    const l = luma([r, g, b]);
    expect(Math.hypot(r - l, g - l, b - l)).toBeLessThan(18);
  });
});
