import type { IncomingMessage } from 'node:http';

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The request body is larger than ${Math.round(limit / (1024 * 1024))} MB`);
  }
}

/**
 * The whole request body in one buffer, refusing more than `limit` bytes. With a
 * Content-Length the buffer is allocated once and filled in place (no 600 MB concat).
 * Without one (a chunked upload) the body is held as chunks until it ends, so it may reach
 * only `undeclaredLimit`: Infill's own client always declares its length, and a stream that
 * does not must not be read to hundreds of MB before the refusal.
 * Returned as a plain Uint8Array so that slicing it copies, as the envelope decoder expects.
 */
export async function readBody(request: IncomingMessage, limit: number, undeclaredLimit = limit): Promise<Uint8Array> {
  const declared = request.headers['content-length'];
  const length = declared === undefined ? undefined : Number(declared);
  if (length !== undefined && (!Number.isSafeInteger(length) || length > limit)) throw new BodyTooLargeError(limit);

  if (length !== undefined) {
    const body = new Uint8Array(length);
    let offset = 0;
    for await (const chunk of request as AsyncIterable<Buffer>) {
      if (offset + chunk.length > length) throw new BodyTooLargeError(limit);
      body.set(chunk, offset);
      offset += chunk.length;
    }
    return offset === length ? body : body.subarray(0, offset);
  }

  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > undeclaredLimit) throw new BodyTooLargeError(undeclaredLimit);
    chunks.push(chunk);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  return body;
}
