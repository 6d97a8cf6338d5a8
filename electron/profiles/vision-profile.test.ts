import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestGateway, TEST_API_KEY, type TestGateway } from '../../tests/gateway/test-gateway.ts';
import { VISION_ANSWERS } from '../../tests/gateway/routes-vision.ts';
import type { EventName } from '../../shared/contract/names.ts';
import { dispatch, type Handlers } from '../ipc/dispatch.ts';
import { createGatewaySettings, type GatewaySettings } from './gateway-settings.ts';

/** A gateway profile's vision model: saved, checked by Test connection, used with the profile's key, billed in Usage. */

let gateway: TestGateway;
let dir: string;
let settings: GatewaySettings;
beforeAll(async () => {
  gateway = await startTestGateway({ tokenPaceMs: 1 });
});
afterAll(() => gateway.close());
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'infill-vision-profile-'));
  settings = await createGatewaySettings({ dataDir: dir });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const send = (channel: string, input: unknown) => dispatch(settings.handlers as Handlers, channel, input);
const draft = (extra: Record<string, unknown> = {}) => ({ name: 'Test relay', baseUrl: gateway.baseUrl, protocol: 'openai-images', model: 'gpt-image-1', ...extra });

describe('vision model on a profile', () => {
  it('is saved with its protocol, and an empty one means none', async () => {
    const saved = await send('saveProfile', { profile: draft({ visionModel: ' claude-sonnet-4 ', visionProtocol: 'anthropic' }), apiKey: TEST_API_KEY });
    expect(saved).toMatchObject({ ok: true, data: { profile: { visionModel: 'claude-sonnet-4', visionProtocol: 'anthropic' } } });
    const file = JSON.parse(await readFile(join(dir, 'profiles.json'), 'utf8')) as { profiles: Array<Record<string, unknown>> };
    expect(file.profiles[0]).toMatchObject({ visionModel: 'claude-sonnet-4', visionProtocol: 'anthropic' });
    const cleared = await send('saveProfile', { profile: draft({ id: 'test-relay', visionModel: '' }) });
    expect(cleared.ok && 'visionModel' in (cleared.data as { profile: object }).profile).toBe(false);
  });

  it('Test connection says whether the gateway lists the vision model', async () => {
    expect(await send('testConnection', { profile: draft({ visionModel: 'gpt-4.1-mini' }), apiKey: TEST_API_KEY })).toMatchObject({ ok: true, data: { visionModelListed: true } });
    expect(await send('testConnection', { profile: draft({ visionModel: 'gpt-9-vision' }), apiKey: TEST_API_KEY })).toMatchObject({ ok: true, data: { visionModelListed: false } });
    const without = await send('testConnection', { profile: draft(), apiKey: TEST_API_KEY });
    expect(without.ok && 'visionModelListed' in (without.data as object)).toBe(false);
  });

  it('prompt help uses the profile’s stored key and lands in the usage log', async () => {
    await send('saveProfile', { profile: draft({ visionModel: 'gpt-4.1-mini' }), apiKey: TEST_API_KEY });
    const events: Array<{ name: EventName; payload: unknown }> = [];
    const vision = settings.createVision({
      assets: { readRgba: async () => ({ width: 64, height: 48, data: new Uint8Array(64 * 48 * 4).fill(90) }) },
      emit: (name, payload) => events.push({ name, payload }),
    });
    await vision.start({ task: 'describe', detail: 'low', prompt: '', canvas: { x: 0, y: 0, width: 64, height: 48 }, layers: [{ assetId: 'c'.repeat(32), x: 0, y: 0, opacity: 1, visible: true }] });
    while (!events.some((e) => e.name === 'visionDone')) await new Promise((r) => setTimeout(r, 5));
    expect(events.find((e) => e.name === 'visionDone')?.payload).toMatchObject({ text: VISION_ANSWERS.describe, gatewayName: 'Test relay' });
    expect(gateway.requests.at(-1)?.headers.authorization).toBe(`Bearer ${TEST_API_KEY}`);
    const usage = await send('getUsage', {});
    expect(usage).toMatchObject({ ok: true, data: { jobs: 1, images: 0, recent: [{ model: 'gpt-4.1-mini', gatewayName: 'Test relay', cost: { amount: expect.any(Number), currency: 'USD' } }] } });
  });
});
