import { createServer, request } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A pass-through HTTP proxy in front of the test gateway that keeps the exact bytes and headers
 * of every request, so the body the app sent can be replayed byte for byte with a bare `fetch`.
 * (The gateway itself records sizes and parsed fields, not the raw body.)
 */

export interface CapturedRequest {
  method: string;
  /** As sent, /v1 included. */
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface CaptureProxy {
  /** Ends in /v1, like the gateway's. */
  baseUrl: string;
  captured: CapturedRequest[];
  close(): Promise<void>;
}

export async function startCaptureProxy(targetOrigin: string): Promise<CaptureProxy> {
  const target = new URL(targetOrigin);
  const captured: CapturedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const path = req.url ?? '/';
      captured.push({ method: req.method ?? 'GET', path, headers: { ...req.headers }, body });
      const upstream = request(
        { host: target.hostname, port: target.port, method: req.method, path, headers: { ...req.headers, host: target.host, 'content-length': String(body.length) } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    captured,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The headers a bare client needs to send the same request again. */
export function replayHeaders(request: CapturedRequest): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of ['content-type', 'authorization', 'accept']) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  return headers;
}
