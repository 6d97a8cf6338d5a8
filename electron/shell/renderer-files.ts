import { extname, resolve, sep } from 'node:path';

/**
 * Mapping a URL path onto the built renderer (`out/renderer`), shared by the app:// protocol
 * and the browser bridge. No electron import here: the bridge runs in plain Node.
 */

const mimeTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(filePath: string): string {
  return mimeTypes[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `rendererDir` that a URL pathname (still percent-encoded, as in `URL.pathname`)
 * names, or `null` when the path is malformed or would escape the directory. `URL` already
 * folds literal `..` segments, but `%2e%2e%2f` or `..%5c` survive it, so the decoded path is
 * checked again after resolving.
 */
export function resolveRendererFile(rendererDir: string, urlPathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '' || decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const root = resolve(rendererDir);
  const file = resolve(root, `.${relative.startsWith('/') ? '' : '/'}${relative}`);
  return file.startsWith(root + sep) ? file : null;
}
