import { InfillError } from '../../shared/errors.ts';
import { basename, dirname, extname, join } from 'node:path';
import { formatForExtension, type DocumentFormat, type ExportMetadata } from '../../shared/contract/export-schemas.ts';
import type { Candidate, LayerSnapshot } from '../../shared/contract/schemas.ts';
import type { Rect } from '../../shared/geometry.ts';
import type { AssetStore } from '../services/asset-store.ts';
import { writeFileAtomic } from '../storage/atomic-file.ts';
import { UsageError } from './exit-codes.ts';

/** `.png`, `png`, `.PSD`: one of the formats the app's Export dialog writes. */
export function isKnownOutputExtension(ext: string): boolean {
  return Object.hasOwn(formatForExtension, ext.toLowerCase().replace(/^\./, ''));
}

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
 * or OpenRaster file), with the generation's metadata unless it is stripped. The exporter is loaded here, not at start-up, so `infill --help` stays fast.
 */
export async function renderCandidate(
  assets: AssetStore,
  doc: { canvas: Rect; layers: readonly LayerSnapshot[] },
  candidate: Candidate,
  output: { format: DocumentFormat; quality: number; metadata: ExportMetadata | undefined },
): Promise<Uint8Array> {
  const { exportDocument } = await import('../export/export-document.ts');
  const layer = { assetId: candidate.assetId, x: candidate.x, y: candidate.y, opacity: 1, visible: true, name: 'Generated' };
  const { format, quality, metadata } = output;
  const exported = await exportDocument(assets, { canvas: doc.canvas, layers: [...doc.layers, layer], format, quality, ...(metadata ? { metadata } : {}) });
  return exported.bytes;
}

/**
 * Writes through a temporary file and a rename (the app's own atomic write), so an interrupted
 * run never leaves a half-written image that a resumed batch would take for a finished one. A
 * failure names the person's path, not the temporary file.
 */
export async function writeOutputFile(path: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(path, bytes, 0o644);
  } catch (error) {
    throw outputWriteError(path, error);
  }
}

/** Why a write to `path` failed, in words, from the error's errno code. */
export function writeFailureReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'its folder does not exist and cannot be created';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'part of the path is a file, not a folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EISDIR':
      return 'it is a folder';
    default:
      return code ? `the system refused (${code})` : error instanceof Error ? error.message : String(error);
  }
}

export function outputWriteError(path: string, error: unknown): InfillError {
  return new InfillError('INVALID_INPUT', `Cannot write “${path}”: ${writeFailureReason(error)}.`, { path, reason: writeFailureReason(error) });
}
