import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fastOptions, gradientPng, leftHalfMask, testProfile, testSession } from '../../tests/gateway/helpers.ts';
import { startTestGateway, TEST_API_KEY } from '../../tests/gateway/test-gateway.ts';
import type { TestGateway } from '../../tests/gateway/test-gateway.ts';
import { maskedKey } from '../../tests/gateway/gateway-faults.ts';
import type { InfillError } from '../../shared/errors.ts';
import type { GatewayProtocol } from '../../shared/gateway/profile.ts';
import { chatImageAdapter } from './adapters/chat-image.ts';
import { jsonRelayAdapter } from './adapters/json-relay.ts';
import { openAiImagesAdapter } from './adapters/openai-images.ts';
import type { GatewayCallOptions } from './gateway-session.ts';
import { redactSecrets } from './errors.ts';

/** Every row of GATEWAYS.md §5, produced by the test gateway, ends in its own clear error. */

let gateway: TestGateway;
const seenMessages: string[] = [];
beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(async () => {
  await gateway.close();
  // The key (and the masked fragment relays echo) must never reach a message or a progress line.
  for (const message of seenMessages) {
    expect(message).not.toContain(TEST_API_KEY);
    expect(message).not.toContain(TEST_API_KEY.slice(-4));
    expect(message).not.toContain(maskedKey(TEST_API_KEY));
  }
});
beforeEach(() => gateway.setFault(null));

async function edit(
  options: { protocol?: GatewayProtocol; model?: string; key?: string | null; baseUrl?: string; call?: Partial<GatewayCallOptions>; waits?: number[]; abortAfterMs?: number } = {},
): Promise<{ error?: InfillError; messages: string[]; requests: number }> {
  const protocol = options.protocol ?? 'openai-images';
  const model = options.model ?? (protocol === 'chat-image' ? 'google/gemini-2.5-flash-image' : protocol === 'json-relay' ? 'sdxl-inpaint' : 'gpt-image-1');
  const profile = testProfile(gateway, protocol, model, options.baseUrl ? { baseUrl: options.baseUrl } : {});
  const s = testSession(profile, fastOptions(options.waits ?? [], options.call), options.key === undefined ? TEST_API_KEY : options.key);
  const before = gateway.requests.length;
  const size = protocol === 'json-relay' ? 256 : 1024;
  const request = { image: await gradientPng(size, size), mask: await leftHalfMask(protocol, size, size), prompt: 'x', n: 1, size: { width: size, height: size }, seed: 1 };
  const adapter = protocol === 'chat-image' ? chatImageAdapter : protocol === 'json-relay' ? jsonRelayAdapter : openAiImagesAdapter;
  if (options.abortAfterMs !== undefined) setTimeout(() => s.abort.abort(), options.abortAfterMs);
  try {
    await adapter.edit(request, s.ctx);
    return { messages: s.messages, requests: gateway.requests.length - before };
  } catch (error) {
    const e = error as InfillError;
    seenMessages.push(e.message, ...s.messages);
    return { error: e, messages: s.messages, requests: gateway.requests.length - before };
  } finally {
    s.dispose();
  }
}

describe('401', () => {
  it('a wrong key: says so, shows the URL, never the key or its masked echo', async () => {
    const wrong = 'sk-proj-WRONGWRONGWRONG1234';
    const { error } = await edit({ key: wrong });
    expect(error?.code).toBe('AUTH_FAILED');
    expect(error?.message).toContain(`${gateway.baseUrl}/images/edits`);
    expect(error?.message).toMatch(/rejected the API key/);
    expect(error?.message).not.toContain(wrong);
    expect(error?.message).not.toContain('1234');
  });

  it('a base URL without /v1: suggests the fix', async () => {
    const { error } = await edit({ baseUrl: gateway.origin });
    expect(error?.code).toBe('AUTH_FAILED');
    expect(error?.message).toContain(`try ${gateway.origin}/v1`);
  });

  it('a key from another provider: names the provider, not the key', async () => {
    const { error } = await edit({ key: 'sk-or-v1-abcdefabcdefabcdef' });
    expect(error?.message).toMatch(/looks like a OpenRouter key/);
    expect(error?.message).not.toContain('abcdef');
  });

  it('no key at all', async () => {
    const { error } = await edit({ key: null });
    expect(error?.message).toMatch(/none is set/);
    // No placeholder bearer token leaks to the relay either.
    expect(gateway.requests.at(-1)?.headers.authorization).toBeUndefined();
  });
});

describe('404', () => {
  it('an unknown model: lists the models the relay offers', async () => {
    const { error } = await edit({ model: 'gpt-image-9' });
    expect(error?.code).toBe('NOT_FOUND');
    expect(error?.message).toMatch(/does not know the model "gpt-image-9"/);
    expect(error?.message).toMatch(/Models it offers: gpt-image-1, gpt-image-2/);
  });

  it('a path the relay does not have: says the model is known, so the protocol is wrong', async () => {
    gateway.options.disabledPaths = ['/images/inpaint'];
    try {
      const { error } = await edit({ protocol: 'json-relay' });
      expect(error?.code).toBe('NOT_FOUND');
      expect(error?.message).toContain(`has no endpoint ${gateway.baseUrl}/images/inpaint`);
      expect(error?.message).toMatch(/pick the protocol/);
    } finally {
      gateway.options.disabledPaths = [];
    }
  });
});

describe('400, 413, huge and malformed bodies', () => {
  it('unsupported media is named as such', async () => {
    const profile = testProfile(gateway, 'openai-images', 'gpt-image-1');
    const s = testSession(profile, fastOptions());
    const sharp = (await import('sharp')).default;
    const tiff = await sharp(Buffer.alloc(64 * 64 * 3, 50), { raw: { width: 64, height: 64, channels: 3 } }).tiff().toBuffer();
    const error = await openAiImagesAdapter
      .edit({ image: { bytes: new Uint8Array(tiff), mime: 'image/png', width: 64, height: 64 }, mask: await leftHalfMask('openai-images', 64, 64), prompt: 'x', n: 1, size: { width: 1024, height: 1024 }, seed: 1 }, s.ctx)
      .catch((e: InfillError) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST' });
    expect((error as InfillError).message).toMatch(/could not read the image.*unsupported mimetype/);
  });

  it('413 is PAYLOAD_TOO_LARGE and is not retried blindly', async () => {
    gateway.options.maxBodyBytes = 100_000;
    try {
      const { error, requests } = await edit();
      expect(error?.code).toBe('PAYLOAD_TOO_LARGE');
      expect(requests).toBe(1);
    } finally {
      gateway.options.maxBodyBytes = 4 * 1024 * 1024;
    }
  });

  it('truncated JSON', async () => {
    gateway.setFault({ kind: 'truncated-json' });
    const { error } = await edit();
    expect(error).toMatchObject({ code: 'BAD_RESPONSE' });
    expect(error?.message).toMatch(/not valid JSON/);
  });

  it('a huge body is dropped at the limit', async () => {
    gateway.setFault({ kind: 'huge-body', bytes: 3 * 1024 * 1024 });
    const { error } = await edit({ call: { maxResponseBytes: 1024 * 1024 } });
    expect(error).toMatchObject({ code: 'BAD_RESPONSE' });
    expect(error?.message).toMatch(/larger than 1\.0 MB/);
  });
});

describe('429', () => {
  it('honours Retry-After (seconds) and shows the countdown', async () => {
    gateway.setFault({ kind: 'rate-limit', retryAfterS: 12, times: 1 });
    const waits: number[] = [];
    const { error, messages, requests } = await edit({ waits });
    expect(error).toBeUndefined();
    expect(requests).toBe(2);
    expect(waits.reduce((a, b) => a + b, 0)).toBe(12_000);
    expect(messages[0]).toBe('Rate limited — retrying in 12 s (attempt 2 of 3)');
    expect(messages).toContain('Rate limited — retrying in 1 s (attempt 2 of 3)');
  });

  it('honours retry-after-ms', async () => {
    gateway.setFault({ kind: 'rate-limit', retryAfterMs: 1500, times: 1 });
    const waits: number[] = [];
    await edit({ waits });
    expect(waits.reduce((a, b) => a + b, 0)).toBe(1500);
  });

  it('without a header, backs off 0.5 s then 1 s, then gives up with a clear error', async () => {
    gateway.setFault({ kind: 'rate-limit' });
    const waits: number[] = [];
    const { error, requests } = await edit({ waits });
    expect(requests).toBe(3);
    expect(waits).toEqual([500, 1000]);
    expect(error?.code).toBe('RATE_LIMITED');
    expect(error?.message).toMatch(/after 3 attempts/);
  });

  it('a Retry-After longer than 60 s is not waited out', async () => {
    gateway.setFault({ kind: 'rate-limit', retryAfterS: 3600 });
    const { error, requests } = await edit();
    expect(requests).toBe(1);
    expect(error?.message).toMatch(/asks to wait 60 min/);
  });

  it('an exhausted quota is not retried', async () => {
    gateway.setFault({ kind: 'rate-limit', quota: true });
    const { error, requests } = await edit();
    expect(requests).toBe(1);
    expect(error?.code).toBe('QUOTA_EXCEEDED');
  });

  it('a real wait is cancellable', async () => {
    gateway.setFault({ kind: 'rate-limit', retryAfterS: 30 });
    const started = Date.now();
    const { error } = await edit({ call: { retrySleep: undefined }, abortAfterMs: 300 });
    expect(error?.code).toBe('JOB_CANCELLED');
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('transient failures: 408/409/5xx, resets, timeouts', () => {
  for (const status of [408, 409, 500, 502, 503]) {
    it(`${status} twice, then success`, async () => {
      gateway.setFault({ kind: 'status', status, times: 2 });
      const { error, requests, messages } = await edit();
      expect(error).toBeUndefined();
      expect(requests).toBe(3);
      expect(messages[0]).toMatch(new RegExp(`Gateway error ${status} — retrying in 1 s`));
    });
  }

  it('503 every time: a clear error after the retries, nothing applied', async () => {
    gateway.setFault({ kind: 'status', status: 503 });
    const { error, requests } = await edit();
    expect(requests).toBe(3);
    expect(error?.code).toBe('GATEWAY_UNAVAILABLE');
    expect(error?.message).toMatch(/failed with 503 after 3 attempts; nothing was changed/);
  });

  it('a connection reset is retried', async () => {
    gateway.setFault({ kind: 'reset', times: 1 });
    const { error, requests } = await edit({ protocol: 'chat-image' });
    expect(error).toBeUndefined();
    expect(requests).toBe(2);
  });

  it('resets every time', async () => {
    gateway.setFault({ kind: 'reset' });
    const { error } = await edit({ protocol: 'json-relay' });
    expect(error?.code).toBe('GATEWAY_UNAVAILABLE');
    expect(error?.message).toMatch(/dropped the connection/);
  });

  it('a slow answer hits the request timeout', async () => {
    gateway.setFault({ kind: 'delay', ms: 3000 });
    const { error, requests } = await edit({ call: { requestTimeoutMs: 200, maxRetries: 1 } });
    expect(requests).toBe(2);
    expect(error?.code).toBe('GATEWAY_TIMEOUT');
    expect(error?.message).toMatch(/did not answer within 0 s after 2 attempts|did not answer within/);
  });

  it('the total timeout stops the job', async () => {
    gateway.setFault({ kind: 'delay', ms: 3000 });
    const { error } = await edit({ call: { totalTimeoutMs: 300 } });
    expect(error?.code).toBe('GATEWAY_TIMEOUT');
    expect(error?.message).toMatch(/did not finish within/);
  });

  it('cancel aborts the HTTP request', async () => {
    gateway.setFault({ kind: 'delay', ms: 5000 });
    const started = Date.now();
    const { error } = await edit({ abortAfterMs: 200 });
    expect(error?.code).toBe('JOB_CANCELLED');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('nothing listening: connection refused, named as such', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const { error } = await edit({ baseUrl: `http://127.0.0.1:${port}/v1` });
    expect(error?.code).toBe('GATEWAY_UNAVAILABLE');
    expect(error?.message).toMatch(/Nothing is listening at 127\.0\.0\.1:\d+/);
  });
});

describe('redactSecrets', () => {
  it('removes the key, bearer headers and key-shaped strings', () => {
    const text = `Bearer ${TEST_API_KEY} failed; key ${TEST_API_KEY}; masked sk-ab****wxyz; google AIzaSyA1234567890abcdef`;
    const out = redactSecrets(text, TEST_API_KEY);
    expect(out).not.toContain(TEST_API_KEY);
    expect(out).not.toMatch(/sk-ab|AIza/);
  });
});
