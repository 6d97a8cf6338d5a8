import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Result } from '../../shared/errors.ts';
import { decodeEnvelope, encodeEnvelope } from '../../shared/wire/envelope.ts';
import { dispatch, type Handlers } from '../ipc/dispatch.ts';
import { scopedLogger } from '../log/log.ts';
import { BodyTooLargeError, lingerAfterRefusal, readBody } from './read-body.ts';

const log = scopedLogger('bridge');

/** The bridge's RPC body type. Not a CORS-safelisted type, so no form or no-cors fetch can send it. */
export const ENVELOPE_CONTENT_TYPE = 'application/vnd.infill.envelope';

/** Imports go up to 512 MB; the envelope adds a little JSON around them. */
export const MAX_RPC_BODY_BYTES = 600 * 1024 * 1024;
/** A body without Content-Length (never sent by Infill's client) is refused past this. */
export const MAX_UNDECLARED_RPC_BODY_BYTES = 16 * 1024 * 1024;

/**
 * `POST /rpc/<channel>`: envelope-encoded input in, envelope-encoded Result out, through the
 * same `dispatch` as Electron IPC. Every failure a client can make (bad body, unknown channel,
 * invalid input) comes back as an error envelope, never a crash.
 */
export async function handleRpc(
  request: IncomingMessage,
  response: ServerResponse,
  handlers: Handlers,
  channel: string,
  headers: Record<string, string>,
): Promise<void> {
  const contentType = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (contentType !== ENVELOPE_CONTENT_TYPE) {
    return sendResult(response, 415, failure('BAD_REQUEST', `RPC bodies must be ${ENVELOPE_CONTENT_TYPE}`), headers);
  }
  let input: unknown;
  try {
    input = decodeEnvelope(await readBody(request, MAX_RPC_BODY_BYTES, MAX_UNDECLARED_RPC_BODY_BYTES));
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      log.warn('refused an oversized body', { channel: channel.slice(0, 80), declared: request.headers['content-length'], limit: error.limit });
      // Do not read (or keep the connection for) the rest of an oversized upload.
      const body = writeResult(response, 413, failure('PAYLOAD_TOO_LARGE', error.message), { ...headers, Connection: 'close' });
      response.write(body);
      return lingerAfterRefusal(request, () => response.end());
    }
    const reason = error instanceof Error ? error.message : String(error);
    return sendResult(response, 400, failure('INVALID_INPUT', `Malformed ${channel.slice(0, 80)} request body: ${reason}`), headers);
  }
  sendResult(response, 200, await dispatch(handlers, channel, input), headers);
}

function failure(code: 'BAD_REQUEST' | 'PAYLOAD_TOO_LARGE' | 'INVALID_INPUT', message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/** Writes the status and headers of an envelope answer; returns the body to send. */
function writeResult(response: ServerResponse, status: number, result: Result<unknown>, headers: Record<string, string>): Uint8Array {
  const body = encodeEnvelope(result);
  response.writeHead(status, {
    ...headers,
    'Content-Type': ENVELOPE_CONTENT_TYPE,
    'Content-Length': String(body.length),
  });
  return body;
}

function sendResult(response: ServerResponse, status: number, result: Result<unknown>, headers: Record<string, string>): void {
  response.end(writeResult(response, status, result, headers));
}
