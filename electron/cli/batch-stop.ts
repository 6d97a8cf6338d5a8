import { isFatalForBatch } from './exit-codes.ts';

/**
 * What the items of a batch share: one signal that ends them all, on Ctrl+C or at the first error
 * that would fail every further request (a bad key, no credit), which is then rethrown at the end.
 */
export interface BatchStop {
  signal: AbortSignal;
  readonly fatal: unknown;
  /** After an item threw: true when that is the batch ending (stopped, or this error is fatal), not the item failing. */
  ended(error: unknown): boolean;
}

export function createBatchStop(parent: AbortSignal): BatchStop {
  const controller = new AbortController();
  const signal = AbortSignal.any([parent, controller.signal]);
  let fatal: unknown;
  return {
    signal,
    get fatal() {
      return fatal;
    },
    ended(error) {
      if (signal.aborted) return true;
      if (!isFatalForBatch(error)) return false;
      fatal = error;
      controller.abort();
      return true;
    },
  };
}
