import { randomInt } from 'node:crypto';
import type { ExportFormat, LayerSnapshot, MaskInput } from '../../shared/contract/schemas.ts';
import type { Rect } from '../../shared/geometry.ts';
import type { JobProgress, JobScope } from './cli-services.ts';
import { renderCandidate, writeFileAtomic } from './output.ts';

/** A one-layer (or empty) document with its mask: what the app would hold when the person presses Fill. */
export interface CliDocument {
  canvas: Rect;
  layers: LayerSnapshot[];
  mask: MaskInput;
}

export interface RunRequest {
  providerId: string;
  prompt: string;
  n: number;
  seed: number | undefined;
  format: ExportFormat;
  quality: number;
  /** One path per variation (see outputPaths). */
  outputs: string[];
}

export interface RunResult {
  paths: string[];
  /** What the gateway billed for all variations, where it said (usage) or the price table knows. */
  costUsd?: number;
  model?: string;
}

/**
 * Runs the variations through the job runner and writes each result: flatten(document + the
 * candidate as a layer), exactly what the app exports. Variation i uses seed + i, so a run
 * is repeatable with --seed. The job runner takes one variation per job, so n jobs run side by
 * side (the fill worker pool and the gateway's rate limiter bound the parallelism).
 */
export async function runDocument(
  scope: JobScope,
  doc: CliDocument,
  request: RunRequest,
  signal: AbortSignal,
  onProgress?: (progress: JobProgress) => void,
): Promise<RunResult> {
  const baseSeed = request.seed ?? randomInt(0, 2 ** 31 - request.n);
  const fractions = new Array<number>(request.n).fill(0);
  const results = await Promise.all(
    request.outputs.map(async (path, i) => {
      const candidates = await scope.runJob(
        {
          providerId: request.providerId,
          prompt: request.prompt,
          canvas: doc.canvas,
          layers: doc.layers,
          mask: doc.mask,
          seed: (baseSeed + i) % 2 ** 31,
        },
        signal,
        onProgress &&
          ((progress) => {
            fractions[i] = progress.progress;
            onProgress({ ...progress, progress: fractions.reduce((a, b) => a + b, 0) / request.n });
          }),
      );
      return { path, candidate: candidates[0]! };
    }),
  );
  // Written only once every variation succeeded: a cancelled or failed run leaves no partial set.
  for (const { path, candidate } of results) {
    const bytes = await renderCandidate(scope.assets, doc, candidate, request.format, request.quality);
    await writeFileAtomic(path, bytes);
  }
  const costs = results.map((r) => r.candidate.costUsd).filter((c): c is number => c !== undefined);
  const model = results[0]?.candidate.model;
  return {
    paths: results.map((r) => r.path),
    ...(costs.length > 0 ? { costUsd: costs.reduce((a, b) => a + b, 0) } : {}),
    ...(model ? { model } : {}),
  };
}
