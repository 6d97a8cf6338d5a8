import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { formatForExtension, type DocumentFormat } from '../../shared/contract/export-schemas.ts';
import type { Candidate, LayerSnapshot } from '../../shared/contract/schemas.ts';
import type { Rect } from '../../shared/geometry.ts';
import type { AssetStore } from '../services/asset-store.ts';
import { exportDocument } from '../export/export-document.ts';
import { UsageError } from './exit-codes.ts';

/** The export format an output path asks for by its extension: the same formats as the app's Export dialog. */
export function formatForPath(path: string): DocumentFormat {
  const format = formatForExtension[extname(path).toLowerCase().replace(/^\./, '')];
  if (!format) {
    throw new UsageError(`Cannot tell the output format from “${basename(path)}”: end it in .png, .jpg, .webp, .avif, .psd or .ora.`);
  }
  return format;
}

/** With n > 1, FILE.png becomes FILE-1.png, FILE-2.png, … (documented in --help). */
export function outputPaths(path: string, n: number): string[] {
  if (n <= 1) return [path];
  const ext = extname(path);
  const stem = path.slice(0, path.length - ext.length);
  return Array.from({ length: n }, (_, i) => `${stem}-${i + 1}${ext}`);
}

/** `photo.jpg` → `photo-infill.png` beside it: never overwrite the input by default. */
export function defaultOutputPath(input: string, suffix = 'infill'): string {
  const ext = extname(input);
  return join(dirname(input), `${basename(input, ext)}-${suffix}.png`);
}

/**
 * What the app's export produces after the person adds a candidate as a layer: the document's
 * layers plus the candidate, flattened over the canvas and encoded (or kept as layers in a PSD
 * or OpenRaster file).
 */
export async function renderCandidate(
  assets: AssetStore,
  doc: { canvas: Rect; layers: readonly LayerSnapshot[] },
  candidate: Candidate,
  format: DocumentFormat,
  quality: number,
): Promise<Uint8Array> {
  const layer = { assetId: candidate.assetId, x: candidate.x, y: candidate.y, opacity: 1, visible: true, name: 'Generated' };
  const exported = await exportDocument(assets, { canvas: doc.canvas, layers: [...doc.layers, layer], format, quality });
  return exported.bytes;
}

/**
 * Writes through a temporary file and a rename, so an interrupted run never leaves a
 * half-written image that a resumed batch would take for a finished one.
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, bytes);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
