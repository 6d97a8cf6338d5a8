import { Worker } from 'node:worker_threads';
import { InfillError } from '../../shared/errors.ts';
import type { ModelFiles } from './model-files.ts';
import { SegmentEngine, type DecodeRequest, type EncodeRequest } from './segment-engine.ts';
import type { SegmentWorkerReply, SegmentWorkerRequest } from './segment-protocol.ts';
import type { DecodeResult } from './sam-model.ts';

export interface Segmenter {
  /** Makes the embedding for `key` unless it exists; an abort drops the work at once. */
  encode(request: EncodeRequest, signal?: AbortSignal): Promise<void>;
  decode(request: DecodeRequest): Promise<DecodeResult>;
  close(): Promise<void>;
}

export interface SegmenterOptions {
  /** The built segment-worker.js; without it the model runs in-process (tests, the CLI). */
  workerScript?: string;
  execArgv?: string[];
  files?: ModelFiles;
}

export function createSegmenter(options: SegmenterOptions = {}): Segmenter {
  return options.workerScript ? createWorkerSegmenter(options.workerScript, options.execArgv) : createInProcessSegmenter(options.files);
}

const cancelled = () => new InfillError('ANALYSIS_CANCELLED', 'Analysing the photo was cancelled');

function createInProcessSegmenter(files?: ModelFiles): Segmenter {
  const engine = new SegmentEngine(files);
  return {
    async encode(request, signal) {
      if (signal?.aborted) throw cancelled();
      await engine.encode(request);
      if (signal?.aborted) throw cancelled();
    },
    decode: (request) => engine.decode(request),
    async close() {},
  };
}

/**
 * One worker thread holds the model and the embeddings. Cancelling an analysis terminates it
 * (onnxruntime cannot stop a run half-way) and the next request starts a fresh one.
 */
function createWorkerSegmenter(script: string, execArgv?: string[]): Segmenter {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, { resolve: (reply: SegmentWorkerReply) => void; reject: (error: Error) => void }>();

  const failAll = (error: Error) => {
    for (const entry of pending.values()) entry.reject(error);
    pending.clear();
  };
  const spawn = (): Worker => {
    const created = new Worker(script, execArgv ? { execArgv } : {});
    created.on('message', (reply: SegmentWorkerReply) => {
      const entry = pending.get(reply.id);
      pending.delete(reply.id);
      entry?.resolve(reply);
      if (pending.size === 0) created.unref();
    });
    created.on('error', (error) => failAll(error));
    created.on('exit', (code) => {
      if (worker === created) worker = undefined;
      failAll(new Error(`The object selection worker exited unexpectedly (code ${code})`));
    });
    return created;
  };
  const send = (request: SegmentWorkerRequest, transfer: ArrayBuffer[] = []): { reply: Promise<SegmentWorkerReply>; owner: Worker } => {
    worker ??= spawn();
    const owner = worker;
    owner.ref();
    const reply = new Promise<SegmentWorkerReply>((resolve, reject) => pending.set(request.id, { resolve, reject }));
    owner.postMessage(request, transfer);
    return { reply, owner };
  };
  const unwrap = (reply: SegmentWorkerReply): DecodeResult | undefined => {
    if (!reply.ok) throw new InfillError(reply.code, reply.message);
    return reply.result;
  };

  return {
    async encode(request, signal) {
      if (signal?.aborted) throw cancelled();
      const { reply, owner } = send({ type: 'encode', id: nextId++, ...request });
      const onAbort = () => {
        if (worker === owner) worker = undefined;
        failAll(cancelled());
        void owner.terminate();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        unwrap(await reply);
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
    },
    async decode(request) {
      const result = unwrap(await send({ type: 'decode', id: nextId++, ...request }).reply);
      if (!result) throw new InfillError('INTERNAL', 'The object selection worker returned no mask');
      return result;
    },
    async close() {
      failAll(cancelled());
      await worker?.terminate();
      worker = undefined;
    },
  };
}
