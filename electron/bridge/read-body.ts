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
 * On a refusal the request is paused, not destroyed, so the 413 can still be sent on its socket
 * (see `lingerAfterRefusal`). Returned as a plain Uint8Array so that slicing it copies, as the
 * envelope decoder expects.
 */
export function readBody(request: IncomingMessage, limit: number, undeclaredLimit = limit): Promise<Uint8Array> {
  const declared = request.headers['content-length'];
  const length = declared === undefined ? undefined : Number(declared);
  if (length !== undefined && (!Number.isSafeInteger(length) || length > limit)) return Promise.reject(new BodyTooLargeError(limit));
  const cap = length ?? undeclaredLimit;
  const buffer = length !== undefined ? new Uint8Array(length) : undefined;
  const chunks: Buffer[] = [];
  let total = 0;

  return new Promise((resolve, reject) => {
    const stop = (error: Error): void => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', stop);
      request.pause();
      reject(error);
    };
    const onData = (chunk: Buffer): void => {
      if (total + chunk.length > cap) return stop(new BodyTooLargeError(length !== undefined ? limit : undeclaredLimit));
      if (buffer) buffer.set(chunk, total);
      else chunks.push(chunk);
      total += chunk.length;
    };
    const onEnd = (): void => {
      request.off('error', stop);
      if (buffer) return resolve(total === buffer.length ? buffer : buffer.subarray(0, total));
      const body = new Uint8Array(total);
      let offset = 0;
      for (const chunk of chunks) {
        body.set(chunk, offset);
        offset += chunk.length;
      }
      resolve(body);
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', stop);
  });
}

/** How much of a refused upload is still read (and dropped) while the refusal reaches the client. */
const LINGER_BYTES = 8 * 1024 * 1024;
const LINGER_MS = 2_000;

/**
 * Ends a refused upload's exchange without losing the refusal. Closing a socket that still has
 * unread upload data makes the kernel reset the connection, and the client can lose the 413 it
 * was sent (Node's own `Connection: close` does just that). So, as web servers do (a "lingering
 * close"), the complete answer is written first, a little more of the upload is read and
 * dropped — never kept — then reading stops; `end` runs and the socket closes once the client
 * has hung up or had time to read the answer.
 */
export function lingerAfterRefusal(request: IncomingMessage, end: () => void): void {
  let dropped = 0;
  let ended = false;
  const finish = (): void => {
    if (ended) return;
    ended = true;
    clearTimeout(timer);
    end();
    request.socket.destroy();
  };
  const timer = setTimeout(finish, LINGER_MS);
  timer.unref();
  request.socket.once('close', finish);
  request.once('end', finish);
  request.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > LINGER_BYTES) request.pause();
  });
  request.resume();
}
