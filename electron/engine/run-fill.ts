/**
 * Runs one fill request synchronously with the chosen method. Shared by the worker thread and
 * the in-process runner so both paths compute exactly the same bytes.
 */
import type { FillRequest } from './types.ts';
import { teleaInpaint } from './telea.ts';
import { patchMatchInpaint } from './patchmatch.ts';
import type { RowParallelism } from './row-parallelism.ts';

export interface RunFillHooks {
  onProgress?: (fraction: number) => void;
  /** Polled between iterations; throw from it (e.g. an AbortError) to stop the fill. */
  checkpoint?: () => void;
  /** A helper thread for content-aware fills (worker only). */
  parallel?: RowParallelism;
}

export function validateFillRequest(req: FillRequest): void {
  const { width, height } = req;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new RangeError(`Invalid fill size ${width}×${height}`);
  }
  if (req.rgba.length !== width * height * 4) {
    throw new RangeError(`rgba has ${req.rgba.length} bytes, expected ${width * height * 4}`);
  }
  if (req.mask.length !== width * height) {
    throw new RangeError(`mask has ${req.mask.length} bytes, expected ${width * height}`);
  }
  if (req.exclude && req.exclude.length !== width * height) {
    throw new RangeError(`exclude has ${req.exclude.length} bytes, expected ${width * height}`);
  }
  if (req.method !== 'smooth' && req.method !== 'content-aware') {
    throw new RangeError(`Unknown fill method ${String(req.method)}`);
  }
}

export function runFill(req: FillRequest, hooks: RunFillHooks = {}): Uint8Array {
  validateFillRequest(req);
  hooks.checkpoint?.();
  if (req.method === 'smooth') {
    return teleaInpaint(req.rgba, req.mask, req.width, req.height, 5, hooks.onProgress);
  }
  return patchMatchInpaint(req.rgba, req.mask, req.width, req.height, {
    seed: req.seed,
    exclude: req.exclude,
    onProgress: hooks.onProgress,
    checkpoint: hooks.checkpoint,
    parallel: hooks.parallel,
  });
}
