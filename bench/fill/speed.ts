/**
 * Speed part of the fill benchmark (same run as quality):
 * - smooth vs OpenCV Telea at 1 MP with a 5 % hole (goal: ≤ 3× Telea's time);
 * - content-aware at 1 MP with a 5 % hole through the worker runner on 2 cores (goal ≤ 2 s);
 * - content-aware for a 2 % hole in a 24 MP photo, processing only the context window
 *   (goal ≤ 3 s for crop + fill + paste back).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { contextWindowFor } from '../../electron/engine/fill-context-window.ts';
import { maskBounds } from '../../shared/mask-bounds.ts';
import { createFillRunner } from '../../electron/engine/fill-runner.ts';
import { patchMatchInpaint } from '../../electron/engine/patchmatch.ts';
import { teleaInpaint } from '../../electron/engine/telea.ts';
import { blobMask } from './masks.ts';
import { saveMaskPng, savePng } from './images.ts';
import { runOpenCv } from './opencv.ts';
import { median } from './report.ts';

export interface SpeedResults {
  oneMegapixel: { width: number; height: number; holePixels: number };
  smoothSeconds: number;
  teleaSeconds: number;
  nsSeconds: number;
  contentAwareWorkerSeconds: number;
  /** CPU seconds of the whole process (all threads) for one worker-runner fill. */
  contentAwareWorkerCpuSeconds: number;
  contentAwareInProcessSeconds: number;
  big: {
    width: number;
    height: number;
    holePixels: number;
    window: { x: number; y: number; width: number; height: number };
    cropSeconds: number;
    fillSeconds: number;
    fillCpuSeconds: number;
    pasteSeconds: number;
    totalSeconds: number;
  };
}

const WORKER_SCRIPT = fileURLToPath(new URL('../../electron/engine/testing/fill-worker-tsx.mjs', import.meta.url));

function medianTime(runs: number, fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push((performance.now() - start) / 1000);
  }
  return median(times);
}

async function medianTimeAsync(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push((performance.now() - start) / 1000);
  }
  return median(times);
}

function cpuSeconds(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1e6;
}

function countHole(mask: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i]) n++;
  return n;
}

export async function runSpeed(photoFile: string, workDir: string, python: string, log: (line: string) => void): Promise<SpeedResults> {
  // 1 MP: the photo scaled to 1224×816 (0.999 MP).
  const { data } = await sharp(photoFile).removeAlpha().ensureAlpha().resize(1224, 816, { fit: 'fill' }).raw().toBuffer({ resolveWithObject: true });
  const width = 1224;
  const height = 816;
  const rgba = new Uint8Array(data);
  const mask = blobMask(width, height, 0.05, 42);
  teleaInpaint(rgba, mask, width, height); // warm up the JIT
  const smoothSeconds = medianTime(5, () => teleaInpaint(rgba, mask, width, height));
  await savePng(join(workDir, 'speed-1mp.png'), { width, height, rgba });
  await saveMaskPng(join(workDir, 'speed-1mp-mask.png'), mask, width, height);
  const [cv] = runOpenCv(python, [
    { image: join(workDir, 'speed-1mp.png'), mask: join(workDir, 'speed-1mp-mask.png'), out: join(workDir, 'speed-1mp'), repeat: 5 },
  ]);
  log(`  1 MP smooth ${smoothSeconds.toFixed(3)} s, OpenCV Telea ${cv!.telea.toFixed(3)} s, NS ${cv!.ns.toFixed(3)} s`);

  const contentAwareInProcessSeconds = medianTime(1, () => patchMatchInpaint(rgba, mask, width, height, { seed: 1 }));
  const runner = createFillRunner({ workerScript: WORKER_SCRIPT });
  try {
    const request = { width, height, rgba, mask, method: 'content-aware' as const, seed: 1 };
    await runner.fill(request); // warm up the worker(s)
    const contentAwareWorkerSeconds = await medianTimeAsync(3, () => runner.fill(request));
    const cpuBefore = process.cpuUsage();
    await runner.fill(request);
    const contentAwareWorkerCpuSeconds = cpuSeconds(process.cpuUsage(cpuBefore));
    log(`  1 MP content-aware: worker runner ${contentAwareWorkerSeconds.toFixed(2)} s, in-process ${contentAwareInProcessSeconds.toFixed(2)} s`);

    const big = await runBig(photoFile, runner, log);
    return {
      oneMegapixel: { width, height, holePixels: countHole(mask) },
      smoothSeconds,
      teleaSeconds: cv!.telea,
      nsSeconds: cv!.ns,
      contentAwareWorkerSeconds,
      contentAwareWorkerCpuSeconds,
      contentAwareInProcessSeconds,
      big,
    };
  } finally {
    await runner.close();
  }
}

async function runBig(
  photoFile: string,
  runner: ReturnType<typeof createFillRunner>,
  log: (line: string) => void,
): Promise<SpeedResults['big']> {
  const width = 6000;
  const height = 4000;
  const full = await sharp(photoFile).removeAlpha().ensureAlpha().resize(width, height, { fit: 'fill' }).raw().toBuffer();
  const image = new Uint8Array(full.buffer, full.byteOffset, full.length);
  // The blob is drawn at 1/10 scale and upscaled (nearest) so drawing it stays cheap.
  const small = blobMask(width / 10, height / 10, 0.02, 7);
  const mask = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const srcRow = Math.floor(y / 10) * (width / 10);
    for (let x = 0; x < width; x++) mask[y * width + x] = small[srcRow + Math.floor(x / 10)]!;
  }
  const holePixels = countHole(mask);

  const once = async (): Promise<{ crop: number; fill: number; fillCpu: number; paste: number; window: SpeedResults['big']['window'] }> => {
    const t0 = performance.now();
    const window = contextWindowFor(maskBounds(mask, width, height)!, width, height);
    const cropRgba = new Uint8Array(window.width * window.height * 4);
    const cropMask = new Uint8Array(window.width * window.height);
    for (let y = 0; y < window.height; y++) {
      const src = (window.y + y) * width + window.x;
      cropRgba.set(image.subarray(src * 4, (src + window.width) * 4), y * window.width * 4);
      cropMask.set(mask.subarray(src, src + window.width), y * window.width);
    }
    const t1 = performance.now();
    const cpuBefore = process.cpuUsage();
    const filled = await runner.fill({ width: window.width, height: window.height, rgba: cropRgba, mask: cropMask, method: 'content-aware', seed: 1 });
    const t2 = performance.now();
    const fillCpu = cpuSeconds(process.cpuUsage(cpuBefore));
    const result = new Uint8Array(image); // paste into a copy, as the pipeline composites onto a new asset
    for (let y = 0; y < window.height; y++) {
      for (let x = 0; x < window.width; x++) {
        const i = y * window.width + x;
        if (cropMask[i]) result.set(filled.subarray(i * 4, i * 4 + 4), ((window.y + y) * width + window.x + x) * 4);
      }
    }
    const t3 = performance.now();
    return { crop: (t1 - t0) / 1000, fill: (t2 - t1) / 1000, fillCpu, paste: (t3 - t2) / 1000, window };
  };
  const runs = [await once(), await once()];
  const best = runs.sort((a, b) => a.crop + a.fill + a.paste - (b.crop + b.fill + b.paste))[0]!;
  const total = best.crop + best.fill + best.paste;
  log(`  24 MP, ${holePixels} px hole, window ${best.window.width}×${best.window.height}: crop ${best.crop.toFixed(2)} s, fill ${best.fill.toFixed(2)} s (CPU ${best.fillCpu.toFixed(2)} s), paste ${best.paste.toFixed(2)} s`);
  return { width, height, holePixels, window: best.window, cropSeconds: best.crop, fillSeconds: best.fill, fillCpuSeconds: best.fillCpu, pasteSeconds: best.paste, totalSeconds: total };
}
