import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeEnvelope, encodeEnvelope } from '../../shared/wire/envelope.ts';
import { CONTENT_SECURITY_POLICY } from '../shell/content-security-policy.ts';
import { startBridge, type Bridge } from './bridge-server.ts';
import { createEventBroadcaster } from './event-stream.ts';
import { ENVELOPE_CONTENT_TYPE } from './rpc-route.ts';
import { ASSET_ID, fakeHandlers, makeRendererDir } from './test-support.ts';

let bridge: Bridge;
afterEach(() => bridge?.close());

async function start(heartbeatMs?: number): Promise<Bridge> {
  const events = createEventBroadcaster(heartbeatMs ? { heartbeatMs } : {});
  bridge = await startBridge({ handlers: fakeHandlers(), rendererDir: makeRendererDir(), events });
  return bridge;
}

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** node:http rather than fetch, because fetch will not let a test forge Host or Sec-Fetch-Site. */
function raw(path: string, options: { method?: string; headers?: Record<string, string>; body?: Uint8Array } = {}) {
  return new Promise<RawResponse>((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: bridge.port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const auth = () => ({ Authorization: `Bearer ${bridge.token}` });

function rpc(channel: string, input: unknown, headers: Record<string, string> = auth()) {
  return raw(`/rpc/${channel}`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': ENVELOPE_CONTENT_TYPE },
    body: encodeEnvelope(input),
  });
}

describe('browser bridge: access', () => {
  it('prints a 127.0.0.1 URL carrying a 64-hex-digit token', async () => {
    await start();
    expect(bridge.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${bridge.port}/\\?token=[0-9a-f]{64}$`));
  });

  it('trades the token in the URL for an HttpOnly SameSite=Strict cookie and redirects to /', async () => {
    await start();
    const login = await raw(`/?token=${bridge.token}`);
    expect(login.status).toBe(303);
    expect(login.headers.location).toBe('/');
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toContain(`infill_token_${bridge.port}=${bridge.token}`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const page = await raw('/', { headers: { Cookie: cookie.split(';')[0] ?? '' } });
    expect(page.status).toBe(200);
  });

  it('refuses a wrong token, and everything without the token', async () => {
    await start();
    expect((await raw('/?token=nope')).status).toBe(403);
    const page = await raw('/');
    expect(page.status).toBe(403);
    expect(page.body.toString()).toMatch(/^Forbidden: .*token.*\n$/);
    expect((await raw('/events')).status).toBe(403);
    expect((await rpc('getAppInfo', {}, {})).status).toBe(403);
    expect((await raw('/', { headers: { Cookie: `infill_token_${bridge.port}=${'0'.repeat(64)}` } })).status).toBe(403);
  });

  it('refuses foreign Host, Origin and cross-site fetches even with the token', async () => {
    await start();
    const withAuth = (extra: Record<string, string>) => raw('/', { headers: { ...auth(), ...extra } });
    expect((await withAuth({ Host: `evil.example:${bridge.port}` })).status).toBe(403);
    expect((await withAuth({ Host: '127.0.0.1:1' })).status).toBe(403);
    expect((await withAuth({ Origin: 'http://evil.example' })).status).toBe(403);
    expect((await withAuth({ Origin: 'http://localhost:3000' })).status).toBe(403);
    expect((await withAuth({ Origin: 'null' })).status).toBe(403);
    expect((await withAuth({ 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await withAuth({ 'Sec-Fetch-Site': 'same-site' })).status).toBe(403);
    expect((await withAuth({ Host: `localhost:${bridge.port}`, Origin: `http://localhost:${bridge.port}` })).status).toBe(200);
    expect((await withAuth({ 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
  });
});

describe('browser bridge: RPC', () => {
  it('round-trips binary bytes in both directions', async () => {
    await start();
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) % 256);
    const imported = await rpc('importImage', { name: 'a.png', bytes });
    expect(imported.status).toBe(200);
    expect(imported.headers['content-type']).toBe(ENVELOPE_CONTENT_TYPE);
    expect(decodeEnvelope(imported.body)).toEqual({
      ok: true,
      data: { name: 'a.png', asset: { assetId: ASSET_ID, width: 1000, height: 8, mime: 'image/png' } },
    });
    const read = decodeEnvelope((await rpc('readAsset', { assetId: ASSET_ID })).body) as {
      ok: true;
      data: { bytes: Uint8Array };
    };
    expect([...read.data.bytes]).toEqual(Array.from({ length: 256 }, (_, i) => i));
  });

  it('answers unknown channels, invalid input, bad bodies and handler failures with error envelopes', async () => {
    await start();
    const code = async (response: Promise<RawResponse>) =>
      (decodeEnvelope((await response).body) as { error: { code: string } }).error.code;
    expect(await code(rpc('deleteEverything', {}))).toBe('FORBIDDEN');
    expect(await code(rpc('readAsset', { assetId: 'x' }))).toBe('INVALID_INPUT');
    const garbage = raw('/rpc/getAppInfo', {
      method: 'POST',
      headers: { ...auth(), 'Content-Type': ENVELOPE_CONTENT_TYPE },
      body: new Uint8Array([0, 0, 0, 99, 1, 2]),
    });
    expect(await code(garbage)).toBe('INVALID_INPUT');
    expect(await code(rpc('exportImage', { canvas: { x: 0, y: 0, width: 1, height: 1 }, layers: [], format: 'png', quality: 90 }))).toBe('INTERNAL');
    const wrongType = await raw('/rpc/getAppInfo', { method: 'POST', headers: { ...auth(), 'Content-Type': 'text/plain' }, body: encodeEnvelope({}) });
    expect(wrongType.status).toBe(415);
    expect((await raw('/rpc/getAppInfo', { headers: auth() })).status).toBe(405);
  });

  it('refuses a declared body over the limit without reading it', async () => {
    await start();
    const response = await raw('/rpc/importImage', {
      method: 'POST',
      headers: { ...auth(), 'Content-Type': ENVELOPE_CONTENT_TYPE, 'Content-Length': String(700 * 1024 * 1024) },
    });
    expect(response.status).toBe(413);
    expect((decodeEnvelope(response.body) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('browser bridge: events', () => {
  it('streams every emit as an SSE message, with heartbeats', async () => {
    await start(50);
    const response = await fetch(`${bridge.origin}/events`, { headers: auth() });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        text += decoder.decode(value, { stream: true });
      }
    };
    await readUntil(': connected');
    bridge.emit('menuAction', { actionId: 'undo' });
    await readUntil('"undo"');
    expect(text).toContain(`data: ${JSON.stringify({ name: 'menuAction', payload: { actionId: 'undo' } })}`);
    await readUntil(': heartbeat');
    await reader.cancel();
  });

  it('replays events a reconnecting client missed (Last-Event-ID)', async () => {
    await start();
    bridge.emit('menuAction', { actionId: 'a' });
    bridge.emit('menuAction', { actionId: 'b' });
    const response = await fetch(`${bridge.origin}/events`, { headers: { ...auth(), 'Last-Event-ID': '1' } });
    const reader = response.body!.getReader();
    let text = '';
    while (!text.includes('"b"')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).not.toContain('"a"');
    await reader.cancel();
  });
});

describe('browser bridge: static files', () => {
  it('serves the renderer with MIME types, the CSP and no-store', async () => {
    await start();
    const page = await raw('/', { headers: auth() });
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body.toString()).toContain('<title>Infill</title>');
    const script = await raw('/assets/app.js', { headers: auth() });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await raw('/assets/app.css', { headers: auth() })).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await raw('/missing.js', { headers: auth() })).status).toBe(404);
    const refused = await raw('/nope', { headers: auth() });
    expect(refused.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses path traversal', async () => {
    await start();
    for (const path of ['/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e%2fsecret.txt', '/../secret.txt']) {
      const response = await raw(path, { headers: auth() });
      expect(response.status, path).not.toBe(200);
      expect(response.body.toString()).not.toContain('outside the renderer');
    }
  });
});
