import type { ErrorCode } from '../../shared/errors.ts';
import type { DecodeRequest, EncodeRequest } from './segment-engine.ts';
import type { DecodeResult } from './sam-model.ts';

/** Messages between main and the segmentation worker thread. */
export type SegmentWorkerRequest = ({ type: 'encode' } & EncodeRequest & { id: number }) | ({ type: 'decode' } & DecodeRequest & { id: number });

export type SegmentWorkerReply =
  | { id: number; ok: true; result?: DecodeResult }
  | { id: number; ok: false; code: ErrorCode; message: string };
