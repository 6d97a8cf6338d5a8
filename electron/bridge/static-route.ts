import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mimeTypeFor, resolveRendererFile } from '../shell/renderer-files.ts';

/** GET/HEAD of a file of the built renderer, `/` being index.html. */
export async function serveRendererFile(
  request: IncomingMessage,
  response: ServerResponse,
  rendererDir: string,
  pathname: string,
  headers: Record<string, string>,
): Promise<void> {
  const file = resolveRendererFile(rendererDir, pathname);
  if (!file) return sendText(response, 403, 'Forbidden: path outside the app.', headers);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return sendText(response, 404, 'Not found.', headers);
  response.writeHead(200, { ...headers, 'Content-Type': mimeTypeFor(file), 'Content-Length': String(info.size) });
  if (request.method === 'HEAD') return void response.end();
  await new Promise<void>((resolve) => {
    const stream = createReadStream(file);
    stream.on('error', () => {
      response.destroy();
      resolve();
    });
    stream.on('end', resolve);
    stream.pipe(response);
  });
}

export function sendText(response: ServerResponse, status: number, text: string, headers: Record<string, string>): void {
  const body = Buffer.from(`${text}\n`);
  response.writeHead(status, {
    ...headers,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(body.length),
  });
  response.end(body);
}
