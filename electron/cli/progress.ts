import type { JobEstimate } from '../jobs/provider.ts';
import type { CliIo } from './cli-io.ts';
import type { JobProgress } from './cli-services.ts';

/** A text bar: `[########            ]`. */
export function bar(fraction: number, width = 24): string {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return `[${'#'.repeat(filled)}${' '.repeat(width - filled)}]`;
}

/**
 * Progress of a single job on stderr: a live bar on a terminal; in a pipe or a log, nothing
 * unless --verbose, and then each new message once (no carriage-return noise in logs).
 */
export function jobProgressReporter(io: CliIo, verbose: boolean, label: string): (progress: JobProgress) => void {
  let lastMessage = '';
  return (progress) => {
    const message = progress.message ?? progress.stage;
    if (io.interactive) {
      io.status(`${bar(progress.progress)} ${String(Math.round(progress.progress * 100)).padStart(3)}%  ${label}: ${message}`);
    } else if (verbose && message !== lastMessage) {
      io.err(`infill: ${label}: ${message}`);
    }
    lastMessage = message;
  };
}

/** Progress of a batch: a bar with counts on a terminal, one plain line per file otherwise. */
export interface BatchProgress {
  start(total: number): void;
  file(name: string, outcome: 'done' | 'skipped' | 'failed', detail?: string): void;
  working(names: readonly string[]): void;
  finish(): void;
}

export function batchProgress(io: CliIo): BatchProgress {
  let total = 0;
  let finished = 0;
  let current: readonly string[] = [];
  const draw = (): void => {
    const fraction = total === 0 ? 1 : finished / total;
    io.status(`${bar(fraction)} ${finished}/${total}${current.length > 0 ? `  ${current.join(', ')}` : ''}`);
  };
  return {
    start(count) {
      total = count;
      draw();
    },
    file(name, outcome, detail) {
      finished++;
      // Failures are always worth a line; done and skipped only where no bar shows them.
      if (outcome === 'failed' || !io.interactive) io.err(`[${finished}/${total}] ${outcome} ${name}${detail ? ` — ${detail}` : ''}`);
      draw();
    },
    working(names) {
      current = names;
      draw();
    },
    finish() {
      io.clearStatus();
    },
  };
}

/** Fills shorter than this start without a word; longer ones say what runs and for how long. */
const LONG_RUN_SECONDS = 3;

/** The app's "time estimate before a long run", on stderr where someone is watching. */
export function estimateReporter(io: CliIo, verbose: boolean, label: string): (estimate: JobEstimate) => void {
  return (estimate) => {
    if (!io.interactive && !verbose) return;
    if (estimate.seconds === null || estimate.seconds < LONG_RUN_SECONDS) return;
    io.err(`infill: ${label}: ${estimate.detail} — about ${Math.round(estimate.seconds)} s`);
  };
}
