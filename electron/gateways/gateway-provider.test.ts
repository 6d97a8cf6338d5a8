import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JobStage } from '../../shared/contract/schemas.ts';
import type { GatewayProtocol } from '../../shared/gateway/profile.ts';
import { fastOptions, testProfile } from '../../tests/gateway/helpers.ts';
import { changedFarFromMask, compositeBack, discMask, jobInput, photoLike } from '../../tests/gateway/job-fixtures.ts';
import type { TestDocument } from '../../tests/gateway/job-fixtures.ts';
import { startTestGateway, TEST_API_KEY } from '../../tests/gateway/test-gateway.ts';
import type { TestGateway } from '../../tests/gateway/test-gateway.ts';
import type { ProviderContext } from '../jobs/provider.ts';
import { createGatewayProvider } from './gateway-provider.ts';
import type { GatewayProviderOptions } from './gateway-provider.ts';
import { MAX_TOUCH_PX } from './prep/mask-ops.ts';

/** The provider end to end: runner-style crop → gateway → candidates → composite back. */

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(() => gateway.close());
beforeEach(() => {
  gateway.setFault(null);
  Object.assign(gateway.options, { colourShift: 0, maxBodyBytes: 4 * 1024 * 1024, chatShape: 1 });
});

const W = 1400;
const H = 1000;
function document(): TestDocument {
  return { canvas: { x: 0, y: 0, width: W, height: H }, image: photoLike(W, H), mask: discMask(W, H, 600, 450, 90) };
}

const models: Record<GatewayProtocol, string> = { 'openai-images': 'gpt-image-1', 'chat-image': 'google/gemini-2.5-flash-image', 'json-relay': 'sdxl-inpaint' };

function provider(protocol: GatewayProtocol, overrides: Partial<GatewayProviderOptions> = {}, model = models[protocol]) {
  return createGatewayProvider(testProfile(gateway, protocol, model), async () => TEST_API_KEY, { call: fastOptions(), ...overrides });
}

interface Recorded {
  ctx: ProviderContext;
  stages: Array<[JobStage, number, string | undefined]>;
  abort: AbortController;
}
function context(): Recorded {
  const stages: Recorded['stages'] = [];
  const abort = new AbortController();
  return { stages, abort, ctx: { signal: abort.signal, progress: (stage, fraction, message) => stages.push([stage, fraction, message?.message]) } };
}

describe('gateway provider', () => {
  for (const protocol of ['openai-images', 'chat-image', 'json-relay'] as const) {
    it(`${protocol}: with the mask ignored, nothing farther than 32 px from the painted mask changes`, async () => {
      gateway.setFault({ kind: 'mask-ignored' });
      const p = provider(protocol);
      const input = jobInput(p, document());
      const [candidate] = await p.run(input, context().ctx);
      expect(candidate).toBeDefined();
      if (!candidate) return;
      expect([candidate.image.width, candidate.image.height]).toEqual([input.image.width, input.image.height]);
      const out = compositeBack(input, candidate);
      expect(changedFarFromMask(input, out, MAX_TOUCH_PX)).toBe(0);
      // And the model's paint did land inside the mask.
      const centre = ((input.image.height >> 1) * input.image.width + (input.image.width >> 1)) * 4;
      expect(out.data[centre + 1]).toBeLessThan(60);
    });
  }

  it('on a real photo with a soft-edged brush, the mask ignored: the same guarantee', async () => {
    const sharp = (await import('sharp')).default;
    const { data, info } = await sharp(new URL('../../tests/fixtures/photos/astronaut.jpg', import.meta.url).pathname).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const mask = discMask(info.width, info.height, 300, 200, 60);
    // Soft brush edge: a 10 px ramp outside the disc.
    for (let y = 0; y < info.height; y++) for (let x = 0; x < info.width; x++) {
      const d = Math.hypot(x - 300, y - 200) - 60;
      if (d > 0 && d < 10) mask[y * info.width + x] = Math.round(255 * (1 - d / 10));
    }
    const doc: TestDocument = { canvas: { x: 0, y: 0, width: info.width, height: info.height }, image: { width: info.width, height: info.height, data: new Uint8Array(data) }, mask };
    gateway.setFault({ kind: 'mask-ignored' });
    for (const protocol of ['openai-images', 'chat-image', 'json-relay'] as const) {
      const p = provider(protocol);
      const input = jobInput(p, doc);
      const [candidate] = await p.run(input, context().ctx);
      expect(changedFarFromMask(input, compositeBack(input, candidate ?? { image: input.image }), MAX_TOUCH_PX), protocol).toBe(0);
    }
  });

  it('an empty prompt becomes a fill instruction; an over-long one is refused before sending', async () => {
    const p = provider('openai-images', {}, 'dall-e-2');
    const before = gateway.requests.length;
    await expect(p.run(jobInput(p, document(), { prompt: 'x'.repeat(1001) }), context().ctx)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/at most 1000/) });
    expect(gateway.requests.length).toBe(before);
    await p.run(jobInput(p, document(), { prompt: '  ' }), context().ctx);
    expect(gateway.requests.at(-1)?.fields?.prompt).toMatch(/^Fill the masked area/);
    expect(gateway.requests.at(-1)?.files?.find((f) => f.field === 'image')).toMatchObject({ format: 'png', hasAlpha: true });
  });

  it('uploads JPEG where the model takes it, by default; the mask stays an alpha PNG of the same size', async () => {
    for (const protocol of ['openai-images', 'chat-image', 'json-relay'] as const) {
      const p = provider(protocol);
      const recorded = context();
      await p.run(jobInput(p, document()), recorded.ctx);
      expect(recorded.stages.some(([, , m]) => /^Uploading [\d.]+ (KB|MB) \(\d+×\d+ JPEG\)/.test(m ?? '')), protocol).toBe(true);
    }
    const last = gateway.requests.filter((r) => r.path === '/images/edits').at(-1);
    const image = last?.files?.find((f) => f.field === 'image');
    expect(image).toMatchObject({ format: 'jpeg', width: 1024, height: 1024 });
    expect(last?.files?.find((f) => f.field === 'mask')).toMatchObject({ format: 'png', hasAlpha: true, width: 1024, height: 1024 });
  });

  it('reports progress stages, the upload size and the cost from usage', async () => {
    // Lossless on request: the message names the format that was sent.
    const p = provider('openai-images', { upload: 'lossless' });
    const recorded = context();
    const [candidate] = await p.run(jobInput(p, document()), recorded.ctx);
    const stages = recorded.stages.map(([s]) => s);
    expect(stages[0]).toBe('preparing');
    expect(stages).toContain('running');
    expect(stages).toContain('compositing');
    expect(stages.at(-1)).toBe('done');
    expect(recorded.stages.some(([, , m]) => /^Uploading [\d.]+ (KB|MB) \(1024×1024 PNG\)/.test(m ?? ''))).toBe(true);
    expect(candidate?.cost?.amount).toBeCloseTo((50 * 5 + 1000 * 10 + 4160 * 40) / 1e6, 6);
    expect(candidate?.model).toBe('gpt-image-1');
    expect(candidate?.seed).toBe(42);
  });

  it('reports the answer (and its cost) before compositing, even when the job is then cancelled', async () => {
    const answers: unknown[] = [];
    const recorded = context();
    const p = provider('openai-images', {
      onAnswered: (answer) => {
        answers.push(answer);
        recorded.abort.abort();
      },
    });
    await expect(p.run(jobInput(p, document()), recorded.ctx)).rejects.toMatchObject({ code: 'JOB_CANCELLED' });
    expect(answers).toEqual([expect.objectContaining({ model: 'gpt-image-1', images: 1, cost: { amount: expect.any(Number), currency: 'USD' } })]);
  });

  it('returns n candidates with their own seeds and the per-image share of the cost', async () => {
    const p = provider('openai-images');
    const candidates = await p.run(jobInput(p, document(), { n: 3 }), context().ctx);
    expect(candidates.map((c) => c.seed)).toEqual([42, 43, 44]);
    expect(candidates[0]?.cost?.amount).toBeCloseTo((50 * 5 + 1000 * 10 + 3 * 4160 * 40) / 1e6 / 3, 6);
  });

  it('uses the cost a chat relay reports', async () => {
    gateway.options.chatCostUsd = 0.0391;
    try {
      const p = provider('chat-image');
      const [candidate] = await p.run(jobInput(p, document()), context().ctx);
      expect(candidate?.cost?.amount).toBeCloseTo(0.0391, 6);
    } finally {
      delete gateway.options.chatCostUsd;
    }
  });

  it('colour-matches a tone shift measured in the ring around the seam', async () => {
    gateway.options.colourShift = 20;
    const p = provider('openai-images');
    const input = jobInput(p, document());
    const [candidate] = await p.run(input, context().ctx);
    if (!candidate) throw new Error('no candidate');
    // The relay brightened everything it kept by 20; measured in the ring, the same correction
    // applies to what it painted (magenta 255,0,255), so it lands about 20 lower.
    const o = ((input.image.height >> 1) * input.image.width + (input.image.width >> 1)) * 4;
    expect(candidate.image.data[o]).toBeGreaterThanOrEqual(230);
    expect(candidate.image.data[o]).toBeLessThanOrEqual(240);
    expect(candidate.image.data[o + 2]).toBeLessThanOrEqual(240);
  });

  it('on 413 shrinks and retries once, then succeeds', async () => {
    gateway.options.maxBodyBytes = 700 * 1024;
    // Lossless PNG (~1.5 MB here) so the upload overshoots the relay's 700 KB cap.
    const p = provider('openai-images', { budgetBytes: 4 * 1024 * 1024, upload: 'lossless' });
    const recorded = context();
    const input = jobInput(p, document());
    const [candidate] = await p.run(input, recorded.ctx);
    expect(candidate).toBeDefined();
    const edits = gateway.requests.filter((r) => r.path === '/images/edits').slice(-2);
    expect(edits.map((r) => r.status)).toEqual([413, 200]);
    expect(edits[1]?.bodyBytes ?? 0).toBeLessThan(edits[0]?.bodyBytes ?? 0);
    expect(recorded.stages.some(([, , m]) => /refused .* \(413\) — retrying with/.test(m ?? ''))).toBe(true);
  });

  it('shows the rate-limit countdown through progress messages, then succeeds', async () => {
    gateway.setFault({ kind: 'rate-limit', retryAfterS: 2, times: 1 });
    const p = provider('openai-images');
    const recorded = context();
    const [candidate] = await p.run(jobInput(p, document()), recorded.ctx);
    expect(candidate).toBeDefined();
    const messages = recorded.stages.filter(([stage]) => stage === 'running').map(([, , m]) => m);
    expect(messages).toContain('Rate limited — retrying in 2 s (attempt 2 of 3)');
    expect(messages).toContain('Rate limited — retrying in 1 s (attempt 2 of 3)');
  });

  it('a failure after the retries rejects with a clear error: never a half-applied edit', async () => {
    gateway.setFault({ kind: 'status', status: 502 });
    const p = provider('json-relay');
    await expect(p.run(jobInput(p, document()), context().ctx)).rejects.toMatchObject({ code: 'GATEWAY_UNAVAILABLE', message: expect.stringMatching(/502 after 3 attempts; nothing was changed/) });
  });

  it('streams partial previews through the callback and progress messages', async () => {
    const partials: Uint8Array[] = [];
    const p = provider('openai-images', { partialImages: 2, onPartialImage: (png) => partials.push(png) });
    const recorded = context();
    const previews: Uint8Array[] = [];
    await p.run(jobInput(p, document()), { ...recorded.ctx, preview: (png) => previews.push(png) });
    expect(partials).toHaveLength(2);
    expect(previews).toEqual(partials);
    expect(recorded.stages.some(([, , m]) => m === 'Partial preview 2 of 2')).toBe(true);
  });

  it('cancellation aborts the HTTP request and reports JOB_CANCELLED', async () => {
    gateway.setFault({ kind: 'delay', ms: 5000 });
    const p = provider('chat-image');
    const recorded = context();
    const started = Date.now();
    setTimeout(() => recorded.abort.abort(), 300);
    await expect(p.run(jobInput(p, document()), recorded.ctx)).rejects.toMatchObject({ code: 'JOB_CANCELLED' });
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('a blank crop is a generation', async () => {
    const doc = document();
    doc.image.data.fill(0);
    const p = provider('openai-images');
    const [candidate] = await p.run(jobInput(p, doc), context().ctx);
    expect(candidate).toBeDefined();
    expect(gateway.requests.at(-1)?.path).toBe('/images/generations');
  });

  it('json relays outpaint a strip of empty canvas through /images/outpaint', async () => {
    const doc = document();
    // The right 200 px are new, empty canvas; the mask covers exactly them.
    doc.mask.fill(0);
    for (let y = 0; y < H; y++) for (let x = W - 200; x < W; x++) {
      doc.mask[y * W + x] = 255;
      doc.image.data[(y * W + x) * 4 + 3] = 0;
    }
    const p = provider('json-relay');
    const input = { ...jobInput(p, doc), region: doc.canvas, image: doc.image, mask: doc.mask };
    const [candidate] = await p.run(input, context().ctx);
    const request = gateway.requests.at(-1);
    expect(request?.path).toBe('/images/outpaint');
    expect(request?.json).toMatchObject({ direction: 'right' });
    const out = compositeBack(input, candidate ?? { image: input.image });
    expect(changedFarFromMask(input, out, MAX_TOUCH_PX)).toBe(0);
    const o = ((H >> 1) * W + W - 50) * 4;
    expect([out.data[o], out.data[o + 1], out.data[o + 2], out.data[o + 3]]).toEqual([255, 0, 255, 255]);
  });

  it('without a key for a remote host it says so before sending anything', async () => {
    const p = createGatewayProvider({ id: 'remote', name: 'Remote', baseUrl: 'https://relay.example.com/v1', protocol: 'openai-images', model: 'gpt-image-1' }, async () => undefined);
    await expect(p.run(jobInput(p, document()), context().ctx)).rejects.toMatchObject({ code: 'AUTH_FAILED', message: expect.stringMatching(/No API key is set for Remote/) });
  });

  it('picks a context window of the model ratio around the mask, inside the canvas', () => {
    const p = provider('chat-image');
    const region = p.contextRegion({ x: 100, y: 100, width: 300, height: 100 }, { x: 0, y: 0, width: 4000, height: 3000 });
    expect(region.x).toBeGreaterThanOrEqual(0);
    expect(region.width / region.height).toBeCloseTo(1248 / 832, 2);
    expect(region.x).toBeLessThanOrEqual(100 - 64);
  });
});
