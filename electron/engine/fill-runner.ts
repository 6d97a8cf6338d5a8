/**
 * Runs fill requests either in worker threads (the app: the UI and IPC stay responsive and an
 * abort terminates the thread at once) or in-process (unit tests, tools).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FillOptions, FillRequest } from './types.ts';
import type { FillWorkerData, WorkerReply } from './worker-protocol.ts';
import { abortError } from './abort.ts';
import { runFill, validateFillRequest } from './run-fill.ts';

export interface FillRunnerOptions {
  /** Path of the built fill-worker.js (or the .ts file with execArgv ['--import', 'tsx']). */
  workerScript?: string;
  /** Most worker threads alive at once; default min(2, cores). */
  workers?: number;
  /** Node flags for the worker threads. */
  execArgv?: string[];
  /**
   * Give each fill worker a helper thread so one content-aware fill uses two cores
   * (default: when the machine has at least two).
   */
  rowHelpers?: boolean;
}

export interface FillRunner {
  fill(req: FillRequest, opts?: FillOptions): Promise<Uint8Array>;
  /** Terminates the workers; pending and queued fills reject. */
  close(): Promise<void>;
}

export function createFillRunner(options: FillRunnerOptions = {}): FillRunner {
  if (!options.workerScript) return createInProcessRunner();
  const workers = options.workers ?? Math.min(2, availableParallelism());
  const rowHelpers = options.rowHelpers ?? availableParallelism() >= 2;
  return createWorkerPoolRunner(options.workerScript, Math.max(1, workers), options.execArgv, rowHelpers);
}

function createInProcessRunner(): FillRunner {
  return {
    async fill(req, opts = {}) {
      const { signal, onProgress } = opts;
      if (signal?.aborted) throw abortError();
      return runFill(req, {
        onProgress,
        checkpoint: () => {
          if (signal?.aborted) throw abortError();
        },
      });
    },
    async close() {},
  };
}

interface QueuedFill {
  req: FillRequest;
  opts: FillOptions;
  resolve: (rgba: Uint8Array) => void;
  reject: (error: Error) => void;
  detachAbort: () => void;
}

function createWorkerPoolRunner(script: string, maxWorkers: number, execArgv: string[] | undefined, rowHelpers: boolean): FillRunner {
  const idle: Worker[] = [];
  const busy = new Set<Worker>();
  const queue: QueuedFill[] = [];
  let closed = false;

  const workerData: FillWorkerData = { role: 'fill', script: rowHelpers ? script : undefined };
  const spawn = (): Worker => new Worker(script, execArgv ? { execArgv, workerData } : { workerData });

  const pump = (): void => {
    while (!closed && queue.length > 0 && (idle.length > 0 || busy.size < maxWorkers)) {
      const job = queue.shift()!;
      const worker = idle.pop() ?? spawn();
      start(worker, job);
    }
  };

  const start = (worker: Worker, job: QueuedFill): void => {
    busy.add(worker);
    worker.ref();
    let settled = false;

    const cleanup = (): void => {
      settled = true;
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      job.opts.signal?.removeEventListener('abort', onAbort);
      busy.delete(worker);
    };
    const discardWorker = (): void => {
      cleanup();
      void worker.terminate();
      pump();
    };
    const onMessage = (reply: WorkerReply): void => {
      if (settled) return;
      if (reply.type === 'progress') {
        job.opts.onProgress?.(reply.fraction);
        return;
      }
      cleanup();
      // Idle workers must not keep the process alive.
      worker.unref();
      idle.push(worker);
      if (reply.type === 'done') job.resolve(reply.rgba);
      else job.reject(new Error(reply.message));
      pump();
    };
    const onError = (error: Error): void => {
      if (settled) return;
      discardWorker();
      job.reject(error);
    };
    const onExit = (code: number): void => {
      if (settled) return;
      discardWorker();
      job.reject(new Error(`The fill worker exited unexpectedly (code ${code})`));
    };
    const onAbort = (): void => {
      if (settled) return;
      // A synchronous fill cannot be interrupted from outside: terminating the thread is the
      // prompt way to stop it. A fresh worker is spawned for the next job.
      discardWorker();
      job.reject(abortError());
    };

    job.detachAbort();
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    job.opts.signal?.addEventListener('abort', onAbort, { once: true });
    worker.postMessage(job.req);
  };

  return {
    fill(req, opts = {}) {
      return new Promise<Uint8Array>((resolve, reject) => {
        if (closed) throw new Error('The fill runner is closed');
        validateFillRequest(req);
        const { signal } = opts;
        if (signal?.aborted) throw abortError();
        // While queued, an abort just removes the job.
        const onQueuedAbort = (): void => {
          const index = queue.indexOf(job);
          if (index >= 0) queue.splice(index, 1);
          reject(abortError());
        };
        const job: QueuedFill = {
          req,
          opts,
          resolve,
          reject,
          detachAbort: () => signal?.removeEventListener('abort', onQueuedAbort),
        };
        signal?.addEventListener('abort', onQueuedAbort, { once: true });
        queue.push(job);
        pump();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) {
        job.detachAbort();
        job.reject(new Error('The fill runner was closed'));
      }
      const all = [...idle.splice(0), ...busy];
      // Terminating a busy worker fires its 'exit' handler, which rejects its fill.
      await Promise.all(all.map((worker) => worker.terminate()));
    },
  };
}
