/**
 * Quality part of the fill benchmark: each photo × synthetic hole, filled by our two methods
 * and by OpenCV's Telea and NS, scored by in-hole PSNR, SSIM and texture ratio.
 */
import { join } from 'node:path';
import { patchMatchInpaint } from '../../electron/engine/patchmatch.ts';
import { teleaInpaint } from '../../electron/engine/telea.ts';
import { blobMask, borderBandMask } from './masks.ts';
import { holePsnr, holeSsim, textureRatio } from './metrics.ts';
import { loadRgba, saveMaskPng, savePng, type RgbaImage } from './images.ts';
import { runOpenCv, type OpenCvJob } from './opencv.ts';
import type { PhotoSource } from './photos.ts';

export const METHODS = ['ours smooth', 'ours content-aware', 'OpenCV Telea', 'OpenCV NS'] as const;
export type MethodName = (typeof METHODS)[number];
export const HOLES = ['blob 5 %', 'blob 15 %', 'band 40 px'] as const;
/**
 * The app's drag-to-extend outpainting: a 120 px strip added on the right plus the 16 px
 * overlap band into the original that the extend tool masks with it (here: the photo's own
 * rightmost 136 columns, so there is a truth to score against). Reported on its own, outside
 * the goal means.
 */
export const EXTEND = 'extend 120 px + 16 px overlap';
export const EXTEND_PHOTOS = ['coffee.png'];
export type HoleName = (typeof HOLES)[number] | typeof EXTEND;

export interface Scores {
  psnr: number;
  ssim: number;
  texture: number;
  seconds: number;
}

export interface QualityCase {
  photo: string;
  hole: HoleName;
  image: RgbaImage;
  mask: Uint8Array;
  outputs: Record<MethodName, Uint8Array>;
  scores: Record<MethodName, Scores>;
  /** The original's own texture ratio for this hole, for reference. */
  originalTexture: number;
}

/** Photos are scaled to fit this, keeping the whole quality run to a few minutes. */
const MAX_SIDE = 512;

function holeMask(hole: HoleName, width: number, height: number, seed: number): Uint8Array {
  if (hole === 'blob 5 %') return blobMask(width, height, 0.05, seed);
  if (hole === 'blob 15 %') return blobMask(width, height, 0.15, seed + 100);
  if (hole === EXTEND) return borderBandMask(width, height, 120 + 16);
  return borderBandMask(width, height, 40);
}

function timed<T>(fn: () => T): { value: T; seconds: number } {
  const start = performance.now();
  const value = fn();
  return { value, seconds: (performance.now() - start) / 1000 };
}

export async function runQuality(
  photos: PhotoSource[],
  workDir: string,
  python: string,
  log: (line: string) => void,
): Promise<QualityCase[]> {
  const pending: Array<Omit<QualityCase, 'outputs' | 'scores'> & {
    ours: Record<'ours smooth' | 'ours content-aware', { value: Uint8Array; seconds: number }>;
    prefix: string;
  }> = [];
  const jobs: OpenCvJob[] = [];
  for (const [p, photo] of photos.entries()) {
    const image = await loadRgba(photo.file, MAX_SIDE);
    const holes: HoleName[] = EXTEND_PHOTOS.includes(photo.name) ? [...HOLES, EXTEND] : [...HOLES];
    for (const hole of holes) {
      const { width, height, rgba } = image;
      const mask = holeMask(hole, width, height, p + 1);
      const smooth = timed(() => teleaInpaint(rgba, mask, width, height));
      const contentAware = timed(() => patchMatchInpaint(rgba, mask, width, height, { seed: 1 }));
      log(`  ${photo.name} ${hole}: smooth ${smooth.seconds.toFixed(2)} s, content-aware ${contentAware.seconds.toFixed(2)} s`);
      const prefix = join(workDir, `${photo.name}-${hole.replace(/\W+/g, '')}`);
      await savePng(`${prefix}-input.png`, image);
      await saveMaskPng(`${prefix}-mask.png`, mask, width, height);
      jobs.push({ image: `${prefix}-input.png`, mask: `${prefix}-mask.png`, out: prefix });
      pending.push({
        photo: photo.name,
        hole,
        image,
        mask,
        originalTexture: textureRatio(rgba, mask, width, height),
        ours: { 'ours smooth': smooth, 'ours content-aware': contentAware },
        prefix,
      });
    }
  }
  const timings = runOpenCv(python, jobs);
  const cases: QualityCase[] = [];
  for (const [k, c] of pending.entries()) {
    const { width, height, rgba } = c.image;
    const telea = await loadRgba(`${c.prefix}_telea.png`);
    const ns = await loadRgba(`${c.prefix}_ns.png`);
    const outputs: Record<MethodName, Uint8Array> = {
      'ours smooth': c.ours['ours smooth'].value,
      'ours content-aware': c.ours['ours content-aware'].value,
      'OpenCV Telea': telea.rgba,
      'OpenCV NS': ns.rgba,
    };
    const seconds: Record<MethodName, number> = {
      'ours smooth': c.ours['ours smooth'].seconds,
      'ours content-aware': c.ours['ours content-aware'].seconds,
      'OpenCV Telea': timings[k]!.telea,
      'OpenCV NS': timings[k]!.ns,
    };
    const scores = Object.fromEntries(
      METHODS.map((m) => [
        m,
        {
          psnr: holePsnr(outputs[m], rgba, c.mask),
          ssim: holeSsim(outputs[m], rgba, c.mask, width, height),
          texture: textureRatio(outputs[m], c.mask, width, height),
          seconds: seconds[m],
        },
      ]),
    ) as Record<MethodName, Scores>;
    cases.push({ photo: c.photo, hole: c.hole, image: c.image, mask: c.mask, outputs, scores, originalTexture: c.originalTexture });
  }
  return cases;
}
