import { describe, expect, it } from 'vitest';
import { abortError } from './abort.ts';
import { patchMatchInpaint } from './patchmatch.ts';
import { runRowStep, type RowParallelism } from './row-parallelism.ts';
import { teleaInpaint } from './telea.ts';
import {
  discMask,
  firstChangedKnownPixel,
  flatFill,
  holePsnr,
  loadFixture,
  periodicTexture,
  rectMask,
  sameBytes,
  withGarbageInHole,
} from './test-support.ts';

describe('patchMatchInpaint', () => {
  it('keeps known pixels bit-identical and never reads the hole’s old colours', async () => {
    const { width, height, rgba } = await loadFixture('chelsea-192.png');
    const mask = discMask(width, height, 96, 64, 16);
    const magenta = withGarbageInHole(rgba, mask);
    const a = patchMatchInpaint(magenta, mask, width, height, { seed: 7 });
    const b = patchMatchInpaint(withGarbageInHole(rgba, mask, [0, 255, 0, 3]), mask, width, height, { seed: 7 });
    expect(firstChangedKnownPixel(magenta, a, mask)).toBe(-1);
    expect(sameBytes(a, b)).toBe(true);
    for (let i = 0; i < mask.length; i++) if (mask[i]) expect(a[i * 4 + 3]).toBe(255);
  });

  it('is deterministic per seed and varies with the seed', async () => {
    const { width, height, rgba } = await loadFixture('coffee-192.png');
    const mask = discMask(width, height, 100, 64, 20);
    const a = patchMatchInpaint(rgba, mask, width, height, { seed: 1 });
    const b = patchMatchInpaint(rgba, mask, width, height, { seed: 1 });
    const c = patchMatchInpaint(rgba, mask, width, height, { seed: 2 });
    expect(sameBytes(a, b)).toBe(true);
    expect(sameBytes(a, c)).toBe(false);
  });

  it('gives the same bytes when row steps are split, whichever half runs first', async () => {
    const { width, height, rgba } = await loadFixture('coffee-192.png');
    const mask = discMask(width, height, 96, 64, 40);
    const splits: number[] = [];
    // A stand-in for the helper thread: runs the "helper" rows before the local ones.
    const reversed: RowParallelism = {
      share: (array) => array,
      run(step, state, splitRow, runLocal) {
        splits.push(splitRow);
        runRowStep(step, state, splitRow, state.level.height);
        runLocal();
      },
    };
    const serial = patchMatchInpaint(rgba, mask, width, height, { seed: 4 });
    const split = patchMatchInpaint(rgba, mask, width, height, { seed: 4, parallel: reversed });
    expect(splits.length).toBeGreaterThan(0);
    expect(sameBytes(serial, split)).toBe(true);
  });

  it('reconstructs a periodic texture that diffusion cannot', () => {
    const width = 128;
    const height = 96;
    const rgba = periodicTexture(width, height);
    const mask = discMask(width, height, 64, 48, 15);
    const out = patchMatchInpaint(withGarbageInHole(rgba, mask), mask, width, height, { seed: 5 });
    // Measured 33.4 dB; Telea gets 10.7 dB.
    expect(holePsnr(out, rgba, mask)).toBeGreaterThan(28);
    expect(holePsnr(out, rgba, mask)).toBeGreaterThan(holePsnr(teleaInpaint(rgba, mask, width, height), rgba, mask) + 15);
  });

  it('outpaints a band along the image edge and fills a large hole', () => {
    const width = 128;
    const height = 96;
    const rgba = periodicTexture(width, height);
    const cases: Array<[Uint8Array, number]> = [
      // Measured 49.1 dB (right band), 34.6–43.6 dB (top band, by seed), 32.3–45.5 dB (big hole, by seed).
      [rectMask(width, height, width - 30, 0, width, height), 32],
      [rectMask(width, height, 0, 0, width, 20), 32],
      [rectMask(width, height, 20, 15, 100, 80), 25],
    ];
    for (const [mask, minPsnr] of cases) {
      const garbage = withGarbageInHole(rgba, mask);
      const out = patchMatchInpaint(garbage, mask, width, height, { seed: 1 });
      expect(firstChangedKnownPixel(garbage, out, mask)).toBe(-1);
      expect(holePsnr(out, rgba, mask)).toBeGreaterThan(minPsnr);
    }
  });

  it('beats a flat fill on real photos', async () => {
    for (const name of ['chelsea-192.png', 'coffee-192.png', 'astronaut-160.png']) {
      const { width, height, rgba } = await loadFixture(name);
      const mask = discMask(width, height, width / 2, height / 2, 16);
      const out = patchMatchInpaint(withGarbageInHole(rgba, mask), mask, width, height, { seed: 3 });
      // Measured 17.5 / 12.3 / 12.3 dB against flat fills of 15.7 / 10.1 / 9.9 dB.
      expect(holePsnr(out, rgba, mask), name).toBeGreaterThan(holePsnr(flatFill(rgba, mask), rgba, mask) + 1);
    }
  });

  it('extends a smooth gradient without steps between pieces copied from different places', () => {
    // A smooth colour wave with ±2 grain; the rightmost 40 columns are filled. Without the
    // seam blending inside the hole (poisson.ts), pieces from different places left steps of
    // 94–103 levels between neighbouring pixels (seeds 1–5); with it, 11–14.
    const width = 160;
    const height = 120;
    const rgba = new Uint8Array(width * height * 4);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const v = 60 + 120 * (0.5 + 0.5 * Math.sin(x / 23 + y / 31)) + ((x * 7 + y * 13) % 5) - 2;
        rgba.set([v, v * 0.8, 200 - v / 2, 255], (y * width + x) * 4);
      }
    }
    const mask = rectMask(width, height, width - 40, 0, width, height);
    const largestStep = (image: Uint8Array, x0: number, x1: number): number => {
      let largest = 0;
      for (let y = 0; y < height; y++) {
        for (let x = x0; x < x1 - 1; x++) {
          const i = (y * width + x) * 4;
          for (let c = 0; c < 3; c++) largest = Math.max(largest, Math.abs(image[i + c]! - image[i + 4 + c]!));
        }
      }
      return largest;
    };
    const knownStep = largestStep(rgba, 0, width - 40);
    for (const seed of [1, 2, 3]) {
      const out = patchMatchInpaint(rgba, mask, width, height, { seed });
      expect(largestStep(out, width - 40, width), `seed ${seed}`).toBeLessThan(3 * knownStep);
    }
  });

  it('never copies from areas excluded from sampling', () => {
    // Left half: the periodic texture; right half: white and navy stripes. A hole across the
    // middle takes white stripes from the right (seeds 1–3: 230 of 1009 hole pixels); with the
    // right half excluded it takes none.
    const width = 128;
    const height = 96;
    const rgba = periodicTexture(width, height);
    for (let y = 0; y < height; y++) {
      for (let x = 64; x < width; x++) rgba.set(Math.floor(x / 4) % 2 ? [250, 250, 250, 255] : [20, 20, 90, 255], (y * width + x) * 4);
    }
    const mask = discMask(width, height, 64, 48, 18);
    const exclude = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) for (let x = 64; x < width; x++) exclude[y * width + x] = 255;
    const whitePixels = (out: Uint8Array): number => {
      let count = 0;
      for (let i = 0; i < mask.length; i++) if (mask[i] && out[i * 4]! > 230 && out[i * 4 + 1]! > 230 && out[i * 4 + 2]! > 230) count++;
      return count;
    };
    for (const seed of [1, 2]) {
      expect(whitePixels(patchMatchInpaint(rgba, mask, width, height, { seed })), `seed ${seed}`).toBeGreaterThan(100);
      const excluded = patchMatchInpaint(rgba, mask, width, height, { seed, exclude });
      expect(whitePixels(excluded), `seed ${seed}`).toBe(0);
      expect(firstChangedKnownPixel(rgba, excluded, mask)).toBe(-1);
    }
  });

  it('falls back to a smooth fill when no whole known patch exists', () => {
    const width = 6;
    const height = 6;
    const rgba = new Uint8Array(width * height * 4).fill(120);
    const mask = rectMask(width, height, 2, 2, 4, 4);
    const out = patchMatchInpaint(rgba, mask, width, height, { seed: 1 });
    expect(out).toEqual(teleaInpaint(rgba, mask, width, height));
  });

  it('reports increasing progress up to 1 and stops when the checkpoint throws', async () => {
    const { width, height, rgba } = await loadFixture('astronaut-160.png');
    const mask = discMask(width, height, 80, 80, 25);
    const progress: number[] = [];
    patchMatchInpaint(rgba, mask, width, height, { seed: 1, onProgress: (f) => progress.push(f) });
    expect(progress.length).toBeGreaterThan(5);
    expect(progress.every((f, k) => k === 0 || f >= progress[k - 1]!)).toBe(true);
    expect(progress.at(-1)).toBe(1);

    let calls = 0;
    const run = (): Uint8Array =>
      patchMatchInpaint(rgba, mask, width, height, {
        seed: 1,
        checkpoint: () => {
          if (++calls === 3) throw abortError();
        },
      });
    expect(run).toThrow(expect.objectContaining({ name: 'AbortError' }));
    expect(calls).toBe(3);
  });
});
