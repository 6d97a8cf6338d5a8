import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fastOptions } from '../../../tests/gateway/helpers.ts';
import { TEST_API_KEY, startTestGateway, type TestGateway } from '../../../tests/gateway/test-gateway.ts';
import { VISION_ANSWERS } from '../../../tests/gateway/routes-vision.ts';
import type { EventName } from '../../../shared/contract/names.ts';
import { defaultPriceSheet } from '../../../shared/gateway/prices.ts';
import type { EventSink } from '../../../shared/contract/events.ts';
import { createVisionService, type VisionProfile } from './vision-service.ts';
import type { Money } from '../../../shared/gateway/money.ts';

const ASSET = 'a'.repeat(32);
let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway({ tokenPaceMs: 5 });
});
afterAll(() => gateway.close());
beforeEach(() => {
  gateway.setFault(null);
  gateway.requests.length = 0;
});

/** `key: null` is a profile with no key. */
function setup(profiles: VisionProfile[] = [profile()], key: string | null = TEST_API_KEY) {
  const events: Array<{ name: EventName; payload: unknown }> = [];
  const billed: Array<Money | undefined> = [];
  const emit: EventSink = (name, payload) => events.push({ name, payload });
  const service = createVisionService({
    profiles: () => profiles,
    getKey: async () => key ?? undefined,
    prices: () => defaultPriceSheet,
    // A 2000×1500 grey photo.
    assets: { readRgba: async () => ({ width: 2000, height: 1500, data: new Uint8Array(2000 * 1500 * 4).fill(128) }) },
    emit,
    onBilled: (_profile, _model, cost) => billed.push(cost),
  });
  const done = () => new Promise<Record<string, unknown>>((resolve) => {
    const timer = setInterval(() => {
      const event = events.find((e) => e.name === 'visionDone');
      if (event) {
        clearInterval(timer);
        resolve(event.payload as Record<string, unknown>);
      }
    }, 5);
  });
  return { service, events, billed, done };
}

function profile(extra: Partial<VisionProfile> = {}): VisionProfile {
  return { id: 'relay', name: 'Relay', baseUrl: gateway.baseUrl, protocol: 'openai-images', model: 'gpt-image-1', visionModel: 'gpt-4.1-mini', visionProtocol: 'openai-chat', callOptions: fastOptions(), ...extra };
}

const layers = [{ assetId: ASSET, x: 0, y: 0, opacity: 1, visible: true }];
const canvas = { x: 0, y: 0, width: 2000, height: 1500 };
const mask = { x: 900, y: 700, width: 100, height: 80, alpha: new Uint8Array(100 * 80).fill(255) };

describe('vision service', () => {
  it('suggests: streams deltas, ends with the whole text, its cost from usage, billed once', async () => {
    const { service, events, billed, done } = setup();
    const { model } = await service.start({ task: 'suggest', detail: 'medium', prompt: '', canvas, layers, mask });
    expect(model).toBe('gpt-4.1-mini');
    const end = await done();
    const deltas = events.filter((e) => e.name === 'visionDelta').map((e) => (e.payload as { text: string }).text);
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join('')).toBe(VISION_ANSWERS.suggest);
    expect(end).toMatchObject({ text: VISION_ANSWERS.suggest, incomplete: false, refused: false, estimated: false, inputTokens: 1234 });
    const cost = end.cost as Money | undefined;
    expect(cost?.currency).toBe('USD');
    expect(cost?.amount).toBeCloseTo((1234 * 0.4 + deltas.length * 1.6) / 1e6, 12);
    expect(billed).toEqual([end.cost]);
    // The model saw the context crop, not the whole photo, with the mask outlined in red.
    const url = JSON.stringify(gateway.requests.at(-1)?.json).match(/data:image\/jpeg;base64,([A-Za-z0-9+/=]+)/)![1]!;
    const { data, info } = await sharp(Buffer.from(url, 'base64')).raw().toBuffer({ resolveWithObject: true });
    expect(Math.max(info.width, info.height)).toBeLessThan(2000);
    const reds = Array.from({ length: info.width * info.height }, (_, i) => i).filter((i) => data[i * 3]! > 200 && data[i * 3 + 1]! < 60).length;
    expect(reds).toBeGreaterThan(50);
  });

  it('describes the whole photo at the detail asked', async () => {
    const { service, done } = setup();
    await service.start({ task: 'describe', detail: 'low', prompt: '', canvas, layers });
    expect((await done()).text).toBe(VISION_ANSWERS.describe);
    const url = JSON.stringify(gateway.requests.at(-1)?.json).match(/data:image\/jpeg;base64,([A-Za-z0-9+/=]+)/)![1]!;
    const meta = await sharp(Buffer.from(url, 'base64')).metadata();
    expect([meta.width, meta.height]).toEqual([512, 384]);
  });

  it('stops at once with the text so far, and the late end of the stream changes nothing', async () => {
    gateway.options.tokenPaceMs = 30;
    try {
      const { service, events, billed } = setup();
      const { visionId } = await service.start({ task: 'translate', detail: 'medium', prompt: 'một con diều đỏ', canvas, layers });
      while (events.filter((e) => e.name === 'visionDelta').length < 2) await new Promise((r) => setTimeout(r, 5));
      const before = Date.now();
      expect(service.cancel(visionId)).toBe(true);
      expect(Date.now() - before).toBeLessThan(200);
      const done = events.filter((e) => e.name === 'visionDone');
      expect(done).toHaveLength(1);
      const text = events.filter((e) => e.name === 'visionDelta').map((e) => (e.payload as { text: string }).text).join('');
      expect(done[0]!.payload).toMatchObject({ text, incomplete: true, estimated: true });
      await new Promise((r) => setTimeout(r, 100));
      expect(events.filter((e) => e.name === 'visionDone')).toHaveLength(1);
      expect(billed).toHaveLength(1);
    } finally {
      gateway.options.tokenPaceMs = 5;
    }
  });

  it('speaks Anthropic when the profile says so', async () => {
    const { service, done } = setup([profile({ visionModel: 'claude-sonnet-4', visionProtocol: 'anthropic' })]);
    await service.start({ task: 'translate', detail: 'medium', prompt: 'ein roter Drachen', canvas, layers });
    expect((await done()).text).toBe(VISION_ANSWERS.translate);
    expect(gateway.requests.at(-1)?.rawPath).toBe('/v1/messages');
  });

  it('refuses to start without a vision model, a mask to suggest for, or a prompt to translate', async () => {
    await expect(setup([profile({ visionModel: undefined })]).service.start({ task: 'describe', detail: 'medium', prompt: '', canvas, layers })).rejects.toMatchObject({ code: 'NO_VISION_MODEL' });
    await expect(setup().service.start({ task: 'suggest', detail: 'medium', prompt: '', canvas, layers })).rejects.toMatchObject({ code: 'EMPTY_MASK' });
    await expect(setup().service.start({ task: 'translate', detail: 'medium', prompt: '  ', canvas, layers })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('needs a key for a remote host, as image jobs do, and sends nothing without one', async () => {
    const { service, done } = setup([profile({ baseUrl: 'https://relay.example.com/v1' })], null);
    await service.start({ task: 'describe', detail: 'medium', prompt: '', canvas, layers });
    expect(await done()).toMatchObject({ error: { code: 'AUTH_FAILED' }, text: '' });
  });

  it('a refusal is an error quoting the model, not a prompt', async () => {
    gateway.setFault({ kind: 'refuse', times: 1 });
    const { service, done } = setup([profile({ visionModel: 'claude-sonnet-4', visionProtocol: 'anthropic' })]);
    await service.start({ task: 'describe', detail: 'medium', prompt: '', canvas, layers });
    const end = await done();
    expect(end).toMatchObject({ refused: true, error: { code: 'VISION_REFUSED' } });
    expect((end.error as { message: string }).message).toContain("can't help");
  });
});
