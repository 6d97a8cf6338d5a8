import { randomInt } from 'node:crypto';
import type { DocumentFormat } from '../../shared/contract/export-schemas.ts';
import type { LayerSnapshot, MaskInput } from '../../shared/contract/schemas.ts';
import type { Rect } from '../../shared/geometry.ts';
import type { JobEstimate } from '../jobs/provider.ts';
import type { JobProgress, JobScope } from './cli-services.ts';
import { renderCandidate, writeOutputFile } from './output.ts';
import { totalsOf, type Money } from '../../shared/gateway/money.ts';

/** A one-layer (or empty) document with its mask: what the app would hold when the person presses Fill. */
export interface CliDocument {
  canvas: Rect;
  layers: LayerSnapshot[];
  mask: MaskInput;
  /** Where content-aware fill must not copy from (the app's exclusion brush). */
  exclude?: MaskInput;
}

export interface RunRequest {
  providerId: string;
  prompt: string;
  n: number;
  seed: number | undefined;
  format: DocumentFormat;
  quality: number;
  /** Leave the generation out of the files (the Export dialog's "Strip metadata"). */
  stripMetadata?: boolean;
  /** One path per variation (see outputPaths). */
  outputs: string[];
}

export interface RunResult {
  paths: string[];
  /** What the gateway billed for all variations, per currency, where it said (usage) or the price sheet knows. */
  costs?: Money[];
  model?: string;
  /** Why fewer files than --n were written, if so. */
  note?: string;
}

/**
 * Runs one job for all variations (the runner passes n to the provider: one images request
 * with n, or the offline engine once per seed) and writes each result: flatten(document + the
 * candidate as a layer), exactly what the app exports. Variation i uses seed + i, so a run is
 * repeatable with --seed.
 */
export async function runDocument(
  scope: JobScope,
  doc: CliDocument,
  request: RunRequest,
  signal: AbortSignal,
  onProgress?: (progress: JobProgress) => void,
  onEstimate?: (estimate: JobEstimate) => void,
): Promise<RunResult> {
  const seed = request.seed ?? randomInt(0, 2 ** 31 - request.n);
  const input = {
    providerId: request.providerId,
    prompt: request.prompt,
    canvas: doc.canvas,
    layers: doc.layers,
    mask: doc.mask,
    ...(doc.exclude ? { exclude: doc.exclude } : {}),
    seed,
    n: request.n,
  };
  onEstimate?.(scope.estimate(input));
  const candidates = await scope.runJob(input, signal, onProgress);
  // Smooth fill is deterministic and answers once whatever n is: fewer files, said on stderr.
  const results = candidates.slice(0, request.outputs.length).map((candidate, i) => ({ path: request.outputs[i]!, candidate }));
  // Written only once every variation succeeded, and the first file last: when FILE-1 exists the
  // whole set does, which is what a resumed batch checks.
  for (const { path, candidate } of [...results].reverse()) {
    const metadata = request.stripMetadata ? undefined : { prompt: request.prompt, providerId: candidate.providerId, seed: candidate.seed, ...(candidate.model ? { model: candidate.model } : {}) };
    const bytes = await renderCandidate(scope.assets, doc, candidate, { format: request.format, quality: request.quality, metadata });
    await writeOutputFile(path, bytes);
  }
  const costs = totalsOf(results.map((r) => r.candidate.cost));
  const model = results[0]?.candidate.model;
  return {
    paths: results.map((r) => r.path),
    ...(results.length < request.n ? { note: shortfall(model, results.length, request.n) } : {}),
    ...(costs.length > 0 ? { costs } : {}),
    ...(model ? { model } : {}),
  };
}

function shortfall(model: string | undefined, got: number, asked: number): string {
  if (model === 'smooth') return `smooth fill is deterministic: 1 result, not ${asked} (use --engine content-aware for variations)`;
  return `${model ?? 'the provider'} returned ${got} of ${asked} results`;
}
