import { describe, expect, it, vi } from 'vitest';
import { decodeEnvelope, encodeEnvelope } from '../../shared/wire/envelope.ts';
import { createHttpBridgeApi, createSseParser } from './http-bridge.ts';

const ENVELOPE = 'application/vnd.infill.envelope';

function envelopeResponse(value: unknown, status = 200): Response {
  return new Response(encodeEnvelope(value) as Uint8Array<ArrayBuffer>, { status, headers: { 'Content-Type': ENVELOPE } });
}

/** A response whose body is the given SSE chunks, then the end of the stream. */
function sseResponse(chunks: string[]): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });
  return new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });
}

describe('createHttpBridgeApi: RPC', () => {
  it('lets only the autosave outlive the page, within the browsers’ 64 KB keepalive budget', async () => {
    const releases: Array<() => void> = [];
    const seen: Array<[string, boolean | undefined]> = [];
    const fetch = vi.fn((url: string | URL | Request, init?: RequestInit) => {
      seen.push([String(url), init?.keepalive]);
      return new Promise<Response>((resolve) => releases.push(() => resolve(envelopeResponse({ ok: true, data: { savedAt: 'now' } }))));
    });
    const api = createHttpBridgeApi({ fetch });
    const records = (points: number) => ({
      entries: [
        {
          type: 'replace' as const,
          records: {
            document: { typeName: 'document' as const, id: 'document' as const, name: 'a', canvas: { x: 0, y: 0, width: 1, height: 1 }, order: [] },
            m: { typeName: 'mask-op' as const, id: 'm', seq: 1, op: { kind: 'stroke' as const, mode: 'paint' as const, size: 1, hardness: 1, points: new Array(points).fill(1) } },
          },
        },
      ],
    });
    const first = api.saveSession(records(10_000)); // ~20 KB
    const second = api.saveSession(records(10_000)); // together ~40 KB: still within
    const third = api.saveSession(records(15_000)); // would pass 64 KB together
    const job = api.cancelJob({ jobId: 'job-1' });
    expect(seen.map(([, keepalive]) => keepalive)).toEqual([true, true, false, false]);
    releases.forEach((release) => release());
    await Promise.all([first, second, third, job]);
    void api.saveSession(records(10_000)); // the budget is free again
    expect(seen.at(-1)?.[1]).toBe(true);
  });

  it('posts an envelope to /rpc/<channel> with same-origin credentials and returns the Result', async () => {
    const fetch = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => envelopeResponse({ ok: true, data: { bytes: new Uint8Array([9, 8]) } }));
    const api = createHttpBridgeApi({ fetch });
    const result = await api.importImage({ name: 'a.png', bytes: new Uint8Array([1, 2, 3]) });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('/rpc/importImage');
    expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': ENVELOPE } });
    expect(init?.body).toBeInstanceOf(Blob);
    expect(decodeEnvelope(new Uint8Array(await (init?.body as Blob).arrayBuffer()))).toEqual({ name: 'a.png', bytes: new Uint8Array([1, 2, 3]) });
    expect(result).toEqual({ ok: true, data: { bytes: new Uint8Array([9, 8]) } });
  });

  it('passes error envelopes through unchanged', async () => {
    const error = { ok: false, error: { code: 'INVALID_INPUT', message: 'bad' } };
    const api = createHttpBridgeApi({ fetch: async () => envelopeResponse(error, 400) });
    expect(await api.getAppInfo({})).toEqual(error);
  });

  it('turns a plain-text refusal into FORBIDDEN with its message', async () => {
    const api = createHttpBridgeApi({ fetch: async () => new Response('Forbidden: no token.\n', { status: 403 }) });
    expect(await api.getAppInfo({})).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Forbidden: no token.' } });
  });

  it('reports a network failure as a lost connection to the bridge', async () => {
    const api = createHttpBridgeApi({
      baseUrl: 'http://127.0.0.1:9',
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    const result = await api.listProviders({});
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: "Lost the connection to Infill's main process (the bridge at http://127.0.0.1:9). Is `npm run web` still running?",
      },
    });
  });

  it('refuses a body that is not a result envelope', async () => {
    const api = createHttpBridgeApi({ fetch: async () => envelopeResponse({ surprise: true }) });
    expect(await api.getAppInfo({})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe('createHttpBridgeApi: events', () => {
  it('dispatches SSE messages to onX listeners, reconnects with Last-Event-ID, stops when unsubscribed', async () => {
    const requests: Array<Record<string, string>> = [];
    const streams = [
      // The first stream splits a message across chunks, then drops.
      ['id: 1\ndata: {"name":"menuAction","pay', 'load":{"actionId":"undo"}}\n\n: heartbeat\n\n'],
      ['id: 2\r\ndata: {"name":"jobProgress","payload":{"jobId":"job-1","stage":"queued","progress":0}}\r\n\r\n'],
    ];
    const fetch = vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
      requests.push({ ...(init?.headers as Record<string, string>) });
      const chunks = streams.shift();
      if (!chunks) return new Promise<Response>(() => undefined); // Stays connected, silent.
      return sseResponse(chunks);
    });
    const api = createHttpBridgeApi({ fetch, reconnectDelaysMs: [1] });
    const menu = vi.fn();
    const progress = vi.fn();
    const stopMenu = api.onMenuAction(menu);
    const stopProgress = api.onJobProgress(progress);
    await vi.waitFor(() => expect(progress).toHaveBeenCalled());
    expect(menu).toHaveBeenCalledWith({ actionId: 'undo' });
    expect(progress).toHaveBeenCalledWith({ jobId: 'job-1', stage: 'queued', progress: 0 });
    // One stream for all listeners; the reconnection asked for what came after event 1.
    expect(fetch.mock.calls[0]?.[0]).toBe('/events');
    expect(requests[0]?.['Last-Event-ID']).toBeUndefined();
    expect(requests[1]?.['Last-Event-ID']).toBe('1');
    const signal = fetch.mock.calls.at(-1)?.[1]?.signal;
    stopMenu();
    expect(signal?.aborted).toBe(false);
    stopProgress();
    expect(signal?.aborted).toBe(true);
  });

  it('keeps delivering when one listener throws', async () => {
    const fetch = vi.fn(async () => sseResponse(['data: {"name":"menuAction","payload":{"actionId":"x"}}\n\n']));
    const api = createHttpBridgeApi({ fetch, reconnectDelaysMs: [60_000] });
    const good = vi.fn();
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const stopBad = api.onMenuAction(() => {
      throw new Error('boom');
    });
    const stopGood = api.onMenuAction(good);
    await vi.waitFor(() => expect(good).toHaveBeenCalledWith({ actionId: 'x' }));
    stopBad();
    stopGood();
    consoleError.mockRestore();
  });
});

describe('createSseParser', () => {
  it('joins multi-line data, keeps ids and skips comments', () => {
    const events: unknown[] = [];
    const parser = createSseParser((event) => events.push(event));
    parser.push(': hello\n\nid: 7\ndata: a\nda');
    parser.push('ta: b\n\ndata:c\n\n');
    expect(events).toEqual([{ id: '7', data: 'a\nb' }, { data: 'c' }]);
  });
});
