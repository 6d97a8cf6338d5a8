import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createFillRunner, type FillRunner } from './fill-runner.ts';
import { patchMatchInpaint } from './patchmatch.ts';
import { teleaInpaint } from './telea.ts';
import type { FillRequest } from './types.ts';
import { discMask, firstChangedKnownPixel, loadFixture, rectMask, sameBytes } from './test-support.ts';

// The real worker entry (fill-worker.ts), loaded through tsx; see testing/fill-worker-tsx.mjs.
const workerScript = fileURLToPath(new URL('./testing/fill-worker-tsx.mjs', import.meta.url));
const tsWorker = { workerScript };

/** A smooth fill big enough to take well over a second. */
function slowRequest(): FillRequest {
  const width = 2400;
  const height = 2400;
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < rgba.length; i++) rgba[i] = (i * 2654435761) >>> 27;
  return { width, height, rgba, mask: rectMask(width, height, 200, 200, 2200, 2200), method: 'smooth', seed: 1 };
}

describe('createFillRunner', () => {
  let runner: FillRunner | undefined;
  afterEach(async () => {
    await runner?.close();
    runner = undefined;
  });

  it('fills in-process without a worker script', async () => {
    const { width, height, rgba } = await loadFixture('chelsea-192.png');
    const mask = discMask(width, height, 90, 60, 10);
    runner = createFillRunner({});
    const out = await runner.fill({ width, height, rgba, mask, method: 'smooth', seed: 0 });
    expect(out).toEqual(teleaInpaint(rgba, mask, width, height));
  });

  it('fills in a worker thread with the same bytes and reports progress', async () => {
    const { width, height, rgba } = await loadFixture('coffee-192.png');
    const mask = discMask(width, height, 100, 60, 25);
    runner = createFillRunner(tsWorker);
    const progress: number[] = [];
    const out = await runner.fill(
      { width, height, rgba, mask, method: 'smooth', seed: 0 },
      { onProgress: (f) => progress.push(f) },
    );
    expect(out).toEqual(teleaInpaint(rgba, mask, width, height));
    expect(firstChangedKnownPixel(rgba, out, mask)).toBe(-1);
    expect(progress.at(-1)).toBe(1);
  });

  it('runs content-aware fills in a worker (two threads) with the same bytes as in-process', async () => {
    const { width, height, rgba } = await loadFixture('chelsea-192.png');
    // Big enough a hole for the worker to split its rows with the row helper.
    const mask = discMask(width, height, 100, 64, 40);
    runner = createFillRunner({ ...tsWorker, rowHelpers: true });
    const out = await runner.fill({ width, height, rgba, mask, method: 'content-aware', seed: 9 });
    expect(sameBytes(out, patchMatchInpaint(rgba, mask, width, height, { seed: 9 }))).toBe(true);
  });

  it('passes the area excluded from sampling to a worker fill', async () => {
    const { width, height, rgba } = await loadFixture('chelsea-192.png');
    const mask = discMask(width, height, 100, 64, 30);
    const exclude = rectMask(width, height, 0, 0, width / 2, height);
    runner = createFillRunner({ ...tsWorker, rowHelpers: true });
    const out = await runner.fill({ width, height, rgba, mask, method: 'content-aware', seed: 4, exclude });
    expect(sameBytes(out, patchMatchInpaint(rgba, mask, width, height, { seed: 4, exclude }))).toBe(true);
    expect(sameBytes(out, patchMatchInpaint(rgba, mask, width, height, { seed: 4 }))).toBe(false);
  });

  it('aborts a content-aware fill promptly', async () => {
    const width = 1600;
    const height = 1200;
    const rgba = new Uint8Array(width * height * 4);
    for (let i = 0; i < rgba.length; i++) rgba[i] = (i * 2654435761) >>> 26;
    const mask = discMask(width, height, 800, 600, 300);
    runner = createFillRunner(tsWorker);
    const controller = new AbortController();
    let started!: () => void;
    const firstProgress = new Promise<void>((resolve) => (started = resolve));
    const pending = runner.fill(
      { width, height, rgba, mask, method: 'content-aware', seed: 1 },
      { signal: controller.signal, onProgress: () => started() },
    );
    await firstProgress;
    const abortedAt = performance.now();
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - abortedAt).toBeLessThan(100);
  });

  it('runs concurrent fills on two workers and queues the rest', async () => {
    const { width, height, rgba } = await loadFixture('astronaut-160.png');
    runner = createFillRunner({ ...tsWorker, workers: 2 });
    const masks = [20, 40, 60].map((cx) => discMask(width, height, cx + 40, 80, 12));
    const outs = await Promise.all(
      masks.map((mask) => runner!.fill({ width, height, rgba, mask, method: 'smooth', seed: 0 })),
    );
    outs.forEach((out, k) => expect(out).toEqual(teleaInpaint(rgba, masks[k]!, width, height)));
  });

  it('rejects with AbortError promptly when aborted mid-fill, and keeps working afterwards', async () => {
    runner = createFillRunner(tsWorker);
    const controller = new AbortController();
    let started!: () => void;
    const firstProgress = new Promise<void>((resolve) => (started = resolve));
    const pending = runner.fill(slowRequest(), { signal: controller.signal, onProgress: () => started() });
    await firstProgress; // the worker is now busy inside the fill
    const abortedAt = performance.now();
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - abortedAt).toBeLessThan(100);

    const { width, height, rgba } = await loadFixture('chelsea-192.png');
    const mask = discMask(width, height, 50, 50, 8);
    const out = await runner.fill({ width, height, rgba, mask, method: 'smooth', seed: 0 });
    expect(firstChangedKnownPixel(rgba, out, mask)).toBe(-1);
  });

  it('rejects an already-aborted signal and a queued fill that gets aborted', async () => {
    runner = createFillRunner({ ...tsWorker, workers: 1 });
    await expect(
      runner.fill(slowRequest(), { signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    const first = runner.fill(slowRequest());
    const controller = new AbortController();
    const queued = runner.fill(slowRequest(), { signal: controller.signal });
    controller.abort();
    await expect(queued).rejects.toMatchObject({ name: 'AbortError' });
    await runner.close();
    await expect(first).rejects.toThrow();
  });

  it('reports bad requests as errors', async () => {
    runner = createFillRunner(tsWorker);
    const bad = { width: 4, height: 4, rgba: new Uint8Array(3), mask: new Uint8Array(16), method: 'smooth', seed: 0 } as const;
    await expect(runner.fill(bad)).rejects.toThrow(/rgba/);
  });
});
