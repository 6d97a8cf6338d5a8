/** Messages between the fill runner and its worker threads. */

/** What the fill worker posts back to the runner. */
export type WorkerReply =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; rgba: Uint8Array }
  | { type: 'error'; message: string };

/** The fill worker's workerData. */
export interface FillWorkerData {
  role?: 'fill' | 'row-helper';
  /** Path of the worker's entry script, for spawning its row helper. */
  script?: string;
}
