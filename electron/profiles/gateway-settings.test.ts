import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestGateway, TEST_API_KEY, type TestGateway } from '../../tests/gateway/test-gateway.ts';
import { dispatch, type Handlers } from '../ipc/dispatch.ts';
import { callOptionsFor } from './gateway-providers.ts';
import { createGatewaySettings, type GatewaySettings } from './gateway-settings.ts';

let gateway: TestGateway;
let dir: string;
let settings: GatewaySettings;
beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(() => gateway.close());
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'infill-settings-'));
  settings = await createGatewaySettings({ dataDir: dir });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Every channel answer goes through dispatch, as the renderer would see it. */
const outputs: string[] = [];
async function send(channel: string, input: unknown) {
  const result = await dispatch(settings.handlers as Handlers, channel, input);
  outputs.push(JSON.stringify(result));
  return result;
}

const draft = () => ({ name: 'Test relay', baseUrl: gateway.baseUrl, protocol: 'openai-images', model: 'gpt-image-1' });

describe('gateway settings channels', () => {
  it('a saved key comes back only as its status, becomes a provider, and lists models', async () => {
    const saved = await send('saveProfile', { profile: draft(), apiKey: TEST_API_KEY });
    expect(saved).toMatchObject({ ok: true, data: { profile: { id: 'test-relay', keyStatus: { state: 'session', label: 'configured ••••cdef (this session only)' } } } });
    expect(settings.providers().map((p) => p.info.id)).toEqual(['gateway:test-relay']);

    const listed = await send('listProfiles', {});
    expect(listed).toMatchObject({ ok: true, data: { keyStorage: { secure: false, backend: 'none' } } });
    const tested = await send('testConnection', { profile: { ...draft(), id: 'test-relay' } });
    expect(tested).toMatchObject({ ok: true, data: { modelListed: true, url: `${gateway.baseUrl}/models` } });
    expect(tested.ok && (tested.data as { models: string[] }).models).toContain('gpt-image-2');

    await send('saveProfile', { profile: { ...draft(), id: 'test-relay', model: 'gpt-image-2' } });
    expect(settings.providers()[0]?.info.description).toContain('gpt-image-2');
    expect(await send('deleteProfile', { id: 'test-relay' })).toEqual({ ok: true, data: { deleted: true } });
    expect(settings.providers()).toEqual([]);
  });

  it('a wrong key is a clear 401 that names the URL, and no output or file holds any key', async () => {
    const wrong = 'sk-wrong-key-ABCDEFGHIJKLMNOP';
    const tested = await send('testConnection', { profile: draft(), apiKey: wrong });
    expect(tested).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
    expect(!tested.ok && tested.error.message).toContain(gateway.baseUrl);
    const noV1 = await send('testConnection', { profile: { ...draft(), baseUrl: gateway.origin }, apiKey: TEST_API_KEY });
    expect(!noV1.ok && noV1.error.message).toMatch(/\/v1/);
    await send('saveProfile', { profile: draft(), apiKey: TEST_API_KEY, persistInsecurely: true });
    const files = await readdir(dir);
    for (const name of files) {
      const text = await readFile(join(dir, name), 'utf8');
      expect(text, name).not.toContain(TEST_API_KEY);
    }
    for (const output of outputs) {
      expect(output).not.toContain(TEST_API_KEY);
      expect(output).not.toContain(wrong);
      expect(output).not.toContain('MNOP');
    }
  });

  it('ticking or unticking "save without encryption" moves the key without retyping it', async () => {
    await send('saveProfile', { profile: draft(), apiKey: TEST_API_KEY });
    const id = 'test-relay';
    const opted = await send('saveProfile', { profile: { ...draft(), id }, persistInsecurely: true });
    expect(opted).toMatchObject({ ok: true, data: { profile: { persistInsecurely: true, keyStatus: { state: 'stored-insecure' } } } });
    expect(await readFile(join(dir, 'keys.json'), 'utf8')).toContain(id);
    const back = await send('saveProfile', { profile: { ...draft(), id }, persistInsecurely: false });
    expect(back).toMatchObject({ ok: true, data: { profile: { keyStatus: { state: 'session' } } } });
    expect(await readFile(join(dir, 'keys.json'), 'utf8')).not.toContain(id);
  });

  it('a stored key never goes to another host: not by Test connection, and it is dropped when the host changes', async () => {
    await send('saveProfile', { profile: draft(), apiKey: TEST_API_KEY });
    const id = 'test-relay';
    const other = await startTestGateway();
    try {
      // Same profile id, another host, no key typed: the other host gets no key (401), the saved key stays home.
      const probe = await send('testConnection', { profile: { ...draft(), id, baseUrl: other.baseUrl } });
      expect(probe).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
      expect(other.requests.every((r) => !String(r.headers.authorization ?? '').includes(TEST_API_KEY))).toBe(true);
      // Fixing the path on the same host keeps the key; moving to another host drops it.
      const samehost = await send('saveProfile', { profile: { ...draft(), id, baseUrl: `${gateway.baseUrl}/` } });
      expect(samehost).toMatchObject({ ok: true, data: { profile: { keyStatus: { state: 'session' } } } });
      const moved = await send('saveProfile', { profile: { ...draft(), id, baseUrl: other.baseUrl } });
      expect(moved).toMatchObject({ ok: true, data: { profile: { keyStatus: { state: 'none' } } } });
      expect(moved).toMatchObject({ ok: true, data: { warnings: [{ kind: 'keyRemovedHostChanged', from: new URL(gateway.baseUrl).origin, to: new URL(other.baseUrl).origin }] } });
    } finally {
      await other.close();
    }
  });

  it('INFILL_API_KEY goes only to saved profiles’ hosts: testing a made-up profile without a key sends none', async () => {
    const envKey = 'sk-environment-0123456789-ENVK';
    const withEnv = await createGatewaySettings({ dataDir: dir, environmentKey: envKey });
    const stranger = await startTestGateway();
    try {
      const probe = await dispatch(withEnv.handlers as Handlers, 'testConnection', { profile: { ...draft(), id: 'made-up', baseUrl: stranger.baseUrl } });
      expect(probe).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
      const unsaved = await dispatch(withEnv.handlers as Handlers, 'testConnection', { profile: { ...draft(), baseUrl: stranger.baseUrl } });
      expect(unsaved).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
      expect(stranger.requests.length).toBeGreaterThan(0);
      expect(stranger.requests.every((r) => r.headers.authorization === undefined)).toBe(true);
      // A saved profile without a key of its own still uses the environment key at its own host.
      await dispatch(withEnv.handlers as Handlers, 'saveProfile', { profile: { ...draft(), baseUrl: stranger.baseUrl } });
      await dispatch(withEnv.handlers as Handlers, 'testConnection', { profile: { ...draft(), id: 'test-relay', baseUrl: stranger.baseUrl } });
      expect(stranger.requests.at(-1)?.headers.authorization).toBe(`Bearer ${envKey}`);
    } finally {
      await stranger.close();
    }
  });

  it('per-profile limits and timeouts are kept and become the gateway call options', async () => {
    const limits = { maxConcurrent: 1, requestsPerMinute: 5, maxRetries: 0, connectTimeoutS: 3, totalTimeoutS: 60 };
    const saved = await send('saveProfile', { profile: { ...draft(), limits } });
    expect(saved).toMatchObject({ ok: true, data: { profile: { limits } } });
    // Saving without limits keeps them; a new profile gets the defaults.
    await send('saveProfile', { profile: { ...draft(), id: 'test-relay', model: 'gpt-image-2' } });
    const listed = await send('listProfiles', {});
    expect(listed.ok && (listed.data as { profiles: Array<{ limits: unknown }> }).profiles[0]?.limits).toEqual(limits);
    expect(callOptionsFor(limits)).toMatchObject({ maxRetries: 0, connectTimeoutMs: 3000, totalTimeoutMs: 60_000, requestTimeoutMs: 60_000, rateLimits: { maxConcurrent: 1, requestsPerMinute: 5 } });
    expect(await send('saveProfile', { profile: { ...draft(), limits: { ...limits, maxRetries: 9 } } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('refuses http to a remote host with the fix', async () => {
    const refused = await send('saveProfile', { profile: { ...draft(), baseUrl: 'http://relay.example.com/v1' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!refused.ok && refused.error.message).toContain('https://relay.example.com/v1');
  });

  it('edited prices survive and the default table is offered', async () => {
    const prices = await send('getPrices', {});
    expect(prices.ok && (prices.data as { defaults: { prices: Record<string, unknown> } }).defaults.prices['gpt-image-1']).toBeTruthy();
    expect(await send('savePrices', { sheet: { currency: 'USD', prices: { 'gpt-image-1': { perImage: 0.1 } } } })).toMatchObject({ ok: true });
    const again = await createGatewaySettings({ dataDir: dir });
    expect(await dispatch(again.handlers as Handlers, 'getPrices', {})).toMatchObject({ ok: true, data: { sheet: { currency: 'USD', prices: { 'gpt-image-1': { perImage: 0.1 } } } } });
  });

  it('a gateway gets its own sheet in its own currency; the others keep the default', async () => {
    expect(await send('savePrices', { profileId: 'yuan-relay', sheet: { currency: 'CNY', prices: { 'gpt-image-1': { perImage: 0.3 } } } })).toMatchObject({ ok: true });
    expect(await send('getPrices', { profileId: 'yuan-relay' })).toMatchObject({ ok: true, data: { sheet: { currency: 'CNY' }, own: true } });
    expect(await send('getPrices', { profileId: 'other' })).toMatchObject({ ok: true, data: { sheet: { currency: 'USD' }, own: false } });
    expect(await send('savePrices', { sheet: { currency: 'usd', prices: {} } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
