/**
 * worker_threads entry for the offline fill engines (bundled as out/main/fill-worker.js, so it
 * imports only relative files). It has two roles, chosen by workerData.role:
 * - 'fill' (default): one request at a time. The runner sends a FillRequest and gets back
 *   progress messages, then `done` with the filled pixels (buffer transferred) or `error`.
 *   Aborting is done by the runner terminating this thread, so no abort message exists.
 *   Given workerData.script (this file's path), it starts a row helper so a content-aware
 *   fill uses two cores.
 * - 'row-helper': the second core for a fill worker (row-helper.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { FillRequest } from './types.ts';
import { runFill } from './run-fill.ts';
import { createRowHelper, serveRowTasks } from './row-helper.ts';
import type { FillWorkerData, WorkerReply } from './worker-protocol.ts';

if (!parentPort) throw new Error('fill-worker must run inside a worker thread');
const port = parentPort;
const data = (workerData ?? {}) as FillWorkerData;

if (data.role === 'row-helper') {
  serveRowTasks(port);
} else {
  // Started now so it has booted by the time a content-aware fill needs it.
  const helper = data.script ? createRowHelper(data.script) : undefined;
  port.on('message', (req: FillRequest) => {
    try {
      const rgba = runFill(req, {
        onProgress: (fraction) => port.postMessage({ type: 'progress', fraction } satisfies WorkerReply),
        parallel: helper,
      });
      port.postMessage({ type: 'done', rgba } satisfies WorkerReply, [rgba.buffer as ArrayBuffer]);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      port.postMessage({ type: 'error', message } satisfies WorkerReply);
    }
  });
}
