import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { setLogSink } from '../log/log.ts';
import { startBridge, type Bridge } from './bridge-server.ts';
import { ENVELOPE_CONTENT_TYPE } from './rpc-route.ts';
import { fakeHandlers, makeRendererDir } from './test-support.ts';

let bridge: Bridge;
afterEach(() => bridge?.close());

const MB = 1024 * 1024;

interface UploadOutcome {
  status: number | undefined;
  sentBytes: number;
  peakRssGrowth: number;
}

/**
 * A chunked upload (no Content-Length) of up to `totalBytes`, written one reused 1 MB chunk at a
 * time and only when the socket drained, so the client holds at most a chunk in memory; it stops
 * as soon as the bridge answers or drops the connection. 127.0.0.1 only.
 */
function chunkedUpload(port: number, token: string, totalBytes: number): Promise<UploadOutcome> {
  const chunk = Buffer.alloc(MB, 0x41);
  const rssAtStart = process.memoryUsage().rss;
  let peakRss = rssAtStart;
  const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  return new Promise((resolve) => {
    let sentBytes = 0;
    let status: number | undefined;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      clearInterval(sample);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      resolve({ status, sentBytes, peakRssGrowth: peakRss - rssAtStart });
    };
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      path: '/rpc/importImage',
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': ENVELOPE_CONTENT_TYPE, 'Transfer-Encoding': 'chunked' },
    });
    req.on('response', (res) => {
      status = res.statusCode;
      res.resume();
      res.on('end', finish);
      res.on('error', finish);
    });
    req.on('error', finish);
    req.on('close', () => setTimeout(finish, 50));
    const pump = (): void => {
      while (!finished && status === undefined && !req.destroyed && sentBytes < totalBytes) {
        sentBytes += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (sentBytes >= totalBytes && !req.destroyed) req.end();
    };
    pump();
  });
}

describe('browser bridge: oversized uploads', () => {
  it('a 700 MB chunked upload with a valid token is refused before 64 MB are read, and the process grows < 100 MB', async () => {
    bridge = await startBridge({ handlers: fakeHandlers(), rendererDir: makeRendererDir() });
    const outcome = await chunkedUpload(bridge.port, bridge.token, 700 * MB);
    expect(outcome.status).toBe(413);
    // What the client got into the socket bounds what the bridge read (plus the kernel's buffers).
    expect(outcome.sentBytes).toBeLessThan(64 * MB);
    expect(outcome.peakRssGrowth).toBeLessThan(100 * MB);
  }, 120_000);

  it('logs refused requests (oversized, no token, foreign Host) without the token or the query', async () => {
    const lines: string[] = [];
    setLogSink((level, scope, text) => lines.push(`${level} ${scope} ${text}`));
    try {
      bridge = await startBridge({ handlers: fakeHandlers(), rendererDir: makeRendererDir() });
      expect((await chunkedUpload(bridge.port, bridge.token, 40 * MB)).status).toBe(413);
      const noToken = await fetch(`${bridge.origin}/rpc/getAppInfo?x=1`, { method: 'POST' });
      expect(noToken.status).toBe(403);
      const wrong = await fetch(`${bridge.origin}/?token=${'0'.repeat(64)}`);
      expect(wrong.status).toBe(403);
      expect(lines.some((l) => /^warn bridge refused an oversized body channel=importImage limit=16777216$/.test(l))).toBe(true);
      expect(lines.some((l) => /^warn bridge refused a request status=403 method=POST path=\/rpc\/getAppInfo .*reason="no valid access token"$/.test(l))).toBe(true);
      expect(lines.some((l) => /reason="wrong access token in the URL"/.test(l))).toBe(true);
      expect(lines.join('\n')).not.toContain(bridge.token);
      expect(lines.join('\n')).not.toContain('0000000000');
    } finally {
      setLogSink(undefined);
    }
  }, 60_000);
});
