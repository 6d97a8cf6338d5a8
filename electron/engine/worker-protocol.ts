/** Messages the fill worker posts back to the runner. */
export type WorkerReply =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; rgba: Uint8Array }
  | { type: 'error'; message: string };
