import type { Session } from 'electron';
import { CONTENT_SECURITY_POLICY } from './content-security-policy.ts';

/**
 * Session-wide rules: the renderer gets one permission, writing to the clipboard (Copy merged
 * image), and no other (camera, notifications, clipboard-read, …: all refused, requests and
 * checks alike); every response carries the CSP even when it did not come through the app://
 * handler.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function hardenSession(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'> & {
    webRequest: Pick<Session['webRequest'], 'onHeadersReceived'>;
  },
): void {
  session.setPermissionRequestHandler((_webContents, permission, callback) => callback(ALLOWED_PERMISSIONS.has(permission)));
  session.setPermissionCheckHandler((_webContents, permission) => ALLOWED_PERMISSIONS.has(permission));
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.url, details.responseHeaders) });
  });
}

/**
 * The response headers with our CSP replacing any other (header names compared without case).
 * DevTools pages bring their own policy and would break under ours, so they are left alone.
 */
export function withContentSecurityPolicy(
  url: string,
  headers: Record<string, string[]> | undefined,
): Record<string, string[]> {
  if (url.startsWith('devtools://')) return { ...headers };
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}
