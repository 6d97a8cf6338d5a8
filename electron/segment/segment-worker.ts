import { parentPort } from 'node:worker_threads';
import { toErrorInfo } from '../../shared/errors.ts';
import { SegmentEngine } from './segment-engine.ts';
import type { SegmentWorkerReply, SegmentWorkerRequest } from './segment-protocol.ts';

/** The segmentation worker thread: the model runs here so main's IPC and the UI never wait on it. */
const engine = new SegmentEngine();

parentPort?.on('message', (request: SegmentWorkerRequest) => {
  const work = request.type === 'encode' ? engine.encode(request).then(() => undefined) : engine.decode(request);
  work.then(
    (result) => {
      const reply: SegmentWorkerReply = result ? { id: request.id, ok: true, result } : { id: request.id, ok: true };
      parentPort?.postMessage(reply, result ? [result.mask.buffer as ArrayBuffer, result.lowRes.buffer as ArrayBuffer] : []);
    },
    (error: unknown) => {
      const info = toErrorInfo(error);
      parentPort?.postMessage({ id: request.id, ok: false, code: info.code, message: info.message } satisfies SegmentWorkerReply);
    },
  );
});
