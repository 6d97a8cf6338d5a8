/**
 * The second core for one content-aware fill: a helper thread that runs the lower part of each
 * row-wise step (see row-parallelism.ts) on shared memory while the fill thread runs the upper
 * part, then signals completion through an Atomics flag the fill thread blocks on. The fill
 * algorithm is synchronous, so blocking (in a worker thread, never the main thread) is simpler
 * and cheaper than making it async.
 */
import { Worker } from 'node:worker_threads';
import { runRowStep, type RowParallelism, type RowState, type RowStep, type ShareableArray } from './row-parallelism.ts';

/** What the fill worker posts to its helper for one step. */
export interface RowHelperTask {
  step: RowStep;
  state: RowState;
  rowStart: number;
  rowEnd: number;
  /** [0] = 0 while running, 1 when done, 2 when the step threw. */
  flag: Int32Array;
}

const RUNNING = 0;
const DONE = 1;
const FAILED = 2;

export interface RowHelper extends RowParallelism {
  close(): Promise<void>;
}

/** `script` is the fill worker's own entry; the helper runs it with workerData.role 'row-helper'. */
export function createRowHelper(script: string): RowHelper {
  const worker = new Worker(script, { workerData: { role: 'row-helper' } });
  // An idle helper must not keep its parent alive.
  worker.unref();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  return {
    share<T extends ShareableArray>(array: T): T {
      if (array.buffer instanceof SharedArrayBuffer) return array;
      const Ctor = array.constructor as new (buffer: SharedArrayBuffer) => T;
      const copy = new Ctor(new SharedArrayBuffer(array.byteLength));
      copy.set(array as never);
      return copy;
    },
    run(step: RowStep, state: RowState, splitRow: number, runLocal: () => void): void {
      Atomics.store(flag, 0, RUNNING);
      worker.postMessage({ step, state, rowStart: splitRow, rowEnd: state.level.height, flag } satisfies RowHelperTask);
      let localError: unknown;
      try {
        runLocal();
      } catch (error) {
        localError = error;
      }
      // Wait even after a local error: the helper is still writing into the shared arrays.
      // (If the helper thread died outright this would hang; aborting the fill terminates
      // the whole fill worker, helper included.)
      while (Atomics.load(flag, 0) === RUNNING) Atomics.wait(flag, 0, RUNNING);
      if (localError !== undefined) throw localError;
      if (Atomics.load(flag, 0) === FAILED) throw new Error('The fill helper thread failed');
    },
    async close() {
      await worker.terminate();
    },
  };
}

/** The helper thread's side: run each task's rows and raise the flag. */
export function serveRowTasks(port: { on(event: 'message', listener: (task: RowHelperTask) => void): void }): void {
  port.on('message', (task) => {
    let status = DONE;
    try {
      runRowStep(task.step, task.state, task.rowStart, task.rowEnd);
    } catch {
      status = FAILED;
    }
    Atomics.store(task.flag, 0, status);
    Atomics.notify(task.flag, 0);
  });
}
