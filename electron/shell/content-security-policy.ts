/**
 * The one Content-Security-Policy for the renderer, sent by the Electron shell (app:// protocol
 * and every session response) and by the browser bridge alike, so the app runs under the same
 * rules in both. `blob:`/`data:` images are for decoded assets and exports; `blob:` workers for
 * off-main-thread canvas work. Everything else is same-origin only. No electron import here.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
