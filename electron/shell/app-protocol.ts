import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from './content-security-policy.ts';
import { mimeTypeFor, resolveRendererFile } from './renderer-files.ts';

/**
 * The renderer is served from `app://infill/`, not `file://`: a standard, secure scheme gives
 * it a real origin (so `'self'` in the CSP and the IPC sender check mean something) and keeps
 * every other file on the disk out of its reach.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'infill';
export const APP_START_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** True for URLs of the app's own origin, `app://infill/…`. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Must run before the app's `ready` event: privileges cannot be granted later. */
export function registerAppSchemeAsPrivileged(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

export function serveRendererOverAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => respondWithRendererFile(rendererDir, request.url));
}

/** The response for one app:// request: the file, or a plain 403/404 (never a directory listing). */
export async function respondWithRendererFile(rendererDir: string, requestUrl: string): Promise<Response> {
  if (!isAppUrl(requestUrl)) return plainResponse(403, 'Forbidden: unknown app:// host');
  const file = resolveRendererFile(rendererDir, new URL(requestUrl).pathname);
  if (!file) return plainResponse(403, 'Forbidden: path outside the app');
  try {
    const body = await readFile(file);
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': mimeTypeFor(file),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      },
    });
  } catch {
    return plainResponse(404, 'Not found');
  }
}

function plainResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  });
}
