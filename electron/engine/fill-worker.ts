/**
 * worker_threads entry for the offline fill engines (bundled as out/main/fill-worker.js, so it
 * imports only relative files). One request at a time: the runner sends a FillRequest and gets
 * back progress messages, then `done` with the filled pixels (buffer transferred) or `error`.
 * Aborting is done by the runner terminating this thread, so no abort message exists.
 */
import { parentPort } from 'node:worker_threads';
import type { FillRequest } from './types.ts';
import { runFill } from './run-fill.ts';
import type { WorkerReply } from './worker-protocol.ts';

if (!parentPort) throw new Error('fill-worker must run inside a worker thread');
const port = parentPort;

port.on('message', (req: FillRequest) => {
  try {
    const rgba = runFill(req, {
      onProgress: (fraction) => port.postMessage({ type: 'progress', fraction } satisfies WorkerReply),
    });
    port.postMessage({ type: 'done', rgba } satisfies WorkerReply, [rgba.buffer as ArrayBuffer]);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    port.postMessage({ type: 'error', message } satisfies WorkerReply);
  }
});
