import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fastOptions, gradientPng, leftHalfMask, pixelAt, rgbaOf, testProfile, testSession } from '../../../tests/gateway/helpers.ts';
import { startTestGateway } from '../../../tests/gateway/test-gateway.ts';
import type { TestGateway } from '../../../tests/gateway/test-gateway.ts';
import { chatImageAdapter } from './chat-image.ts';
import { jsonRelayAdapter } from './json-relay.ts';
import { openAiImagesAdapter } from './openai-images.ts';

/** Every adapter, driven through the local gateway over real HTTP. */

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(() => gateway.close());
beforeEach(() => {
  gateway.setFault(null);
  Object.assign(gateway.options, { chatShape: 1, jsonResultField: 'result_image', imageResponse: 'b64_json' });
});

describe('openai-images', () => {
  it('edits with a multipart image + alpha mask and returns n images of the requested size', async () => {
    const s = testSession(testProfile(gateway, 'openai-images', 'gpt-image-1'), fastOptions());
    const result = await openAiImagesAdapter.edit(
      { image: await gradientPng(1024, 1024), mask: await leftHalfMask('openai-images', 1024, 1024), prompt: 'a boat', n: 2, size: { width: 1024, height: 1024 }, seed: 1 },
      s.ctx,
    );
    expect(result.images).toHaveLength(2);
    const first = await rgbaOf(result.images[0] ?? new Uint8Array());
    expect([first.width, first.height]).toEqual([1024, 1024]);
    expect(pixelAt(first, 10, 500)).toEqual([255, 0, 255]);
    expect(pixelAt(first, 1000, 500)[2]).toBe(100);
    expect(result.imageUsage?.output_tokens).toBe(8320);
    const request = gateway.requests.at(-1);
    expect(request?.fields).toMatchObject({ model: 'gpt-image-1', n: '2', size: '1024x1024', prompt: 'a boat', user: 'infill-1' });
    expect(request?.files?.find((f) => f.field === 'mask')).toMatchObject({ format: 'png', hasAlpha: true, width: 1024 });
    expect(request?.headers['x-stainless-retry-count']).toBe('0');
  });

  it('downloads url answers', async () => {
    gateway.options.imageResponse = 'url';
    const s = testSession(testProfile(gateway, 'openai-images', 'gpt-image-1'), fastOptions());
    const result = await openAiImagesAdapter.generate({ prompt: 'sky', n: 1, size: { width: 1536, height: 1024 }, seed: 1 }, s.ctx);
    expect((await rgbaOf(result.images[0] ?? new Uint8Array())).width).toBe(1536);
    expect(gateway.requests.at(-1)?.path).toMatch(/^\/files\//);
  });

  it('streams partial images to the callback before the final one', async () => {
    const s = testSession(testProfile(gateway, 'openai-images', 'gpt-image-1'), fastOptions());
    const result = await openAiImagesAdapter.edit(
      { image: await gradientPng(1024, 1024), mask: await leftHalfMask('openai-images', 1024, 1024), prompt: 'x', n: 1, size: { width: 1024, height: 1024 }, seed: 1, partialImages: 2 },
      s.ctx,
    );
    expect(s.partials).toHaveLength(2);
    expect(result.images).toHaveLength(1);
    expect(gateway.requests.at(-1)?.fields).toMatchObject({ stream: 'true', partial_images: '2' });
  });

  it('lists models', async () => {
    const s = testSession(testProfile(gateway, 'openai-images', 'gpt-image-1'), fastOptions());
    expect(await openAiImagesAdapter.listModels(s.ctx)).toContain('gpt-image-1');
  });
});

describe('chat-image', () => {
  for (const shape of [1, 2, 3, 4] as const) {
    it(`finds the image in response shape ${shape}`, async () => {
      gateway.options.chatShape = shape;
      const s = testSession(testProfile(gateway, 'chat-image', 'google/gemini-2.5-flash-image'), fastOptions());
      const result = await chatImageAdapter.edit(
        { image: await gradientPng(1248, 832), mask: await leftHalfMask('chat-image', 1248, 832), prompt: 'a boat', n: 1, size: { width: 1248, height: 832 }, seed: 5 },
        s.ctx,
      );
      const out = await rgbaOf(result.images[0] ?? new Uint8Array());
      expect([out.width, out.height]).toEqual([1248, 832]);
      expect(pixelAt(out, 10, 400)).toEqual([255, 0, 255]);
      expect(pixelAt(out, 1200, 400)[2]).toBe(100);
    });
  }

  it('sends modalities, the instruction, the picture and the mask', async () => {
    const s = testSession(testProfile(gateway, 'chat-image', 'google/gemini-2.5-flash-image'), fastOptions());
    await chatImageAdapter.edit(
      { image: await gradientPng(1024, 1024), mask: await leftHalfMask('chat-image', 1024, 1024), prompt: 'a boat', n: 2, size: { width: 1024, height: 1024 }, seed: 5 },
      s.ctx,
    );
    const calls = gateway.requests.filter((r) => r.path === '/chat/completions').slice(-2);
    expect(calls.map((c) => c.json?.seed)).toEqual([5, 6]);
    const body = calls[0]?.json as { modalities: string[]; image_config: unknown; messages: Array<{ content: Array<{ type: string; text?: string }> }> };
    expect(body.modalities).toEqual(['image', 'text']);
    expect(body.image_config).toEqual({ aspect_ratio: '1:1' });
    expect(body.messages[0]?.content.map((p) => p.type)).toEqual(['text', 'image_url', 'image_url']);
    expect(body.messages[0]?.content[0]?.text).toMatch(/WHITE marks/);
  });

  it('generates from a prompt alone, with the aspect ratio in image_config', async () => {
    const s = testSession(testProfile(gateway, 'chat-image', 'google/gemini-2.5-flash-image'), fastOptions());
    const result = await chatImageAdapter.generate({ prompt: 'a lighthouse', n: 1, size: { width: 1344, height: 768 }, seed: 3 }, s.ctx);
    expect(result.images).toHaveLength(1);
    expect(result.chatUsage?.completion_tokens).toBe(1290);
    expect(gateway.requests.at(-1)?.json).toMatchObject({ image_config: { aspect_ratio: '16:9' }, modalities: ['image', 'text'] });
  });

  it('a text-only answer is an error that quotes the model', async () => {
    gateway.setFault({ kind: 'text-only', text: 'I cannot edit photos of this kind.' });
    const s = testSession(testProfile(gateway, 'chat-image', 'google/gemini-2.5-flash-image'), fastOptions());
    await expect(
      chatImageAdapter.edit({ image: await gradientPng(64, 64), mask: await leftHalfMask('chat-image', 64, 64), prompt: 'x', n: 1, size: { width: 64, height: 64 }, seed: 1 }, s.ctx),
    ).rejects.toMatchObject({ code: 'BAD_RESPONSE', message: 'The model answered with text instead of an image: "I cannot edit photos of this kind."' });
  });
});

describe('json-relay', () => {
  it('sends strength and guidance, with the fill defaults when none are given', async () => {
    gateway.options.jsonResultField = 'image';
    const s = testSession(testProfile(gateway, 'json-relay', 'sdxl-inpaint'), fastOptions());
    const request = { image: await gradientPng(64, 64), mask: await leftHalfMask('json-relay', 64, 64), prompt: 'x', n: 1, size: { width: 64, height: 64 }, seed: 1 };
    await jsonRelayAdapter.edit({ ...request, strength: 0.55, guidance: 4.5 }, s.ctx);
    expect(gateway.requests.at(-1)?.json).toMatchObject({ strength: 0.55, guidance_scale: 4.5 });
    await jsonRelayAdapter.edit(request, s.ctx);
    expect(gateway.requests.at(-1)?.json).toMatchObject({ strength: 1, guidance_scale: 7 });
  });

  for (const field of ['result_image', 'image', 'data'] as const) {
    it(`inpaints and accepts the result as ${field}`, async () => {
      gateway.options.jsonResultField = field;
      const s = testSession(testProfile(gateway, 'json-relay', 'sdxl-inpaint'), fastOptions());
      const result = await jsonRelayAdapter.edit(
        { image: await gradientPng(512, 256), mask: await leftHalfMask('json-relay', 512, 256), prompt: 'x', n: 1, size: { width: 512, height: 256 }, seed: 9 },
        s.ctx,
      );
      const out = await rgbaOf(result.images[0] ?? new Uint8Array());
      expect(pixelAt(out, 5, 5)).toEqual([255, 0, 255]);
      expect(pixelAt(out, 500, 5)[2]).toBe(100);
      expect(gateway.requests.at(-1)?.json).toMatchObject({ seed: 9, model: 'sdxl-inpaint' });
    });
  }

  it('outpaints in a direction by a number of pixels', async () => {
    const s = testSession(testProfile(gateway, 'json-relay', 'sdxl-inpaint'), fastOptions());
    const result = await jsonRelayAdapter.outpaint?.({ image: await gradientPng(256, 256), direction: 'right', pixels: 128, prompt: 'x', seed: 1 }, s.ctx);
    const out = await rgbaOf(result?.images[0] ?? new Uint8Array());
    expect([out.width, out.height]).toEqual([384, 256]);
    expect(pixelAt(out, 300, 10)).toEqual([255, 0, 255]);
  });

  it('refuses to generate from nothing, with a clear message', async () => {
    const s = testSession(testProfile(gateway, 'json-relay', 'sdxl-inpaint'), fastOptions());
    await expect(jsonRelayAdapter.generate({ prompt: 'x', n: 1, size: { width: 512, height: 512 }, seed: 1 }, s.ctx)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
