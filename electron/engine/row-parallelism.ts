/**
 * Splitting the row-wise steps of the content-aware fill across threads. The algorithm files
 * stay free of threads: they describe a step, and a RowParallelism (provided by the worker,
 * see row-helper.ts) runs part of its rows elsewhere on shared memory and waits for them.
 *
 * Every step gives the same bytes however its rows are split (improveField works in fixed
 * bands with per-row random streams; voting and distance refreshes only write their own
 * rows), so a parallel fill is bit-identical to a serial one.
 */
import { improveField, refreshDistances, type NearestNeighbourField } from './nearest-neighbour-field.ts';
import type { PyramidLevel } from './pyramid.ts';
import { voteHole } from './vote.ts';

export type RowStep =
  | { op: 'improve'; seed: number; iteration: number; searchRadius: number }
  | { op: 'vote'; weights: Float32Array; best: boolean; copiedFrom?: Int32Array }
  | { op: 'refresh' };

export interface RowState {
  level: PyramidLevel;
  field: NearestNeighbourField;
}

export type ShareableArray = Uint8Array | Int32Array | Float32Array;

export interface RowParallelism {
  /** A copy of `array` in memory the helper threads can see. */
  share<T extends ShareableArray>(array: T): T;
  /** Runs rows [splitRow, height) on a helper and `runLocal` here; returns when both are done. */
  run(step: RowStep, state: RowState, splitRow: number, runLocal: () => void): void;
}

export function runRowStep(step: RowStep, state: RowState, rowStart: number, rowEnd: number): void {
  switch (step.op) {
    case 'improve':
      improveField(state.field, state.level.rgba, step.seed, step.iteration, rowStart, rowEnd, step.searchRadius);
      return;
    case 'vote':
      voteHole(state.level, state.field, step.weights, rowStart, rowEnd, step.best, step.copiedFrom);
      return;
    case 'refresh':
      refreshDistances(state.field, state.level.rgba, rowStart, rowEnd);
      return;
  }
}

/** Moves every array a step reads or writes into shared memory (once per level). */
export function shareRowState(parallel: RowParallelism, state: RowState): void {
  const { level, field } = state;
  level.rgba = parallel.share(level.rgba);
  level.hole = parallel.share(level.hole);
  field.targets = parallel.share(field.targets);
  field.srcX = parallel.share(field.srcX);
  field.srcY = parallel.share(field.srcY);
  field.dist = parallel.share(field.dist);
  field.sources = { valid: parallel.share(field.sources.valid), list: parallel.share(field.sources.list) };
}

/**
 * The row that splits the targets into two halves, rounded to a band boundary so that
 * improveField's bands are never cut. Returns 0 when there is nothing worth splitting.
 */
export function balancedSplitRow(field: NearestNeighbourField, bandRows: number): number {
  const { targets, width, height } = field;
  if (targets.length < 4096) return 0;
  const medianRow = Math.floor(targets[targets.length >> 1]! / width);
  const split = Math.round(medianRow / bandRows) * bandRows;
  return split <= 0 || split >= height ? 0 : split;
}

/** Runs a step over all rows: split with the helper when there is one and it is worth it. */
export function runAllRows(parallel: RowParallelism | undefined, step: RowStep, state: RowState, splitRow: number): void {
  const { height } = state.level;
  if (!parallel || splitRow <= 0) {
    runRowStep(step, state, 0, height);
    return;
  }
  parallel.run(step, state, splitRow, () => runRowStep(step, state, 0, splitRow));
}
