import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  isAppUrl,
  registerAppSchemeAsPrivileged,
  respondWithRendererFile,
  serveRendererOverAppProtocol,
} from './app-protocol.ts';
import { CONTENT_SECURITY_POLICY } from './content-security-policy.ts';

function makeRendererDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'infill-app-protocol-'));
  mkdirSync(join(dir, 'renderer', 'assets'), { recursive: true });
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Infill</title>');
  writeFileSync(join(dir, 'renderer', 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'do not serve');
  return join(dir, 'renderer');
}

describe('app:// protocol', () => {
  it('registers app as a standard, secure, fetch-capable scheme', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppSchemeAsPrivileged(protocol);
    const [schemes] = protocol.registerSchemesAsPrivileged.mock.calls[0] ?? [];
    expect(schemes).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }),
      }),
    ]);
  });

  it('serves index.html for / with the CSP and a MIME type', async () => {
    const dir = makeRendererDir();
    const response = await respondWithRendererFile(dir, 'app://infill/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toContain('<title>Infill</title>');
    const script = await respondWithRendererFile(dir, 'app://infill/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('refuses traversal, foreign hosts and answers 404 for missing files', async () => {
    const dir = makeRendererDir();
    expect((await respondWithRendererFile(dir, 'app://infill/..%2fsecret.txt')).status).toBe(403);
    // URL folds %2e%2e itself, so this one asks for renderer/secret.txt, which does not exist.
    expect((await respondWithRendererFile(dir, 'app://infill/%2e%2e/secret.txt')).status).toBe(404);
    expect((await respondWithRendererFile(dir, 'app://other/index.html')).status).toBe(403);
    expect((await respondWithRendererFile(dir, 'app://infill/missing.js')).status).toBe(404);
  });

  it('hands protocol.handle a handler bound to the renderer directory', async () => {
    const dir = makeRendererDir();
    const protocol = { handle: vi.fn() };
    serveRendererOverAppProtocol(protocol, dir);
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const handler = protocol.handle.mock.calls[0]?.[1] as (request: Request) => Promise<Response>;
    const response = await handler(new Request('app://infill/index.html'));
    expect(response.status).toBe(200);
  });

  it('recognises only its own origin', () => {
    expect(isAppUrl('app://infill/index.html')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('https://infill/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});
