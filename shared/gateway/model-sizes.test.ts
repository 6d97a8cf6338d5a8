import { describe, expect, it } from 'vitest';
import { aspectRatioLabel, chatImageSizes, fitToModel, modelSpec } from './model-sizes.ts';
import type { FreeSizeRule, Size } from './model-sizes.ts';

const dallE2 = modelSpec('dall-e-2', 'openai-images');
const gpt1 = modelSpec('gpt-image-1', 'openai-images');
const gpt2 = modelSpec('openai/gpt-image-2', 'openai-images');
const chat = modelSpec('google/gemini-2.5-flash-image', 'chat-image');
const relay = modelSpec('sdxl-inpaint', 'json-relay');

function fit(width: number, height: number, spec = gpt1, maxPixels?: number): Size {
  return fitToModel({ width, height }, spec, maxPixels === undefined ? {} : { maxPixels });
}

describe('modelSpec', () => {
  it('recognizes families, with and without a relay prefix', () => {
    expect(dallE2.family).toBe('dall-e-2');
    expect(modelSpec('gpt-image-1-mini', 'openai-images').family).toBe('gpt-image-1');
    expect(gpt2.family).toBe('gpt-image-2');
    expect(modelSpec('something-new', 'openai-images').family).toBe('gpt-image-1');
    expect(chat.family).toBe('chat-image');
    expect(relay.family).toBe('json-relay');
    expect(dallE2.inputFormats).toEqual(['png']);
  });
});

describe('fitToModel', () => {
  it('dall-e-2: squares only, smallest that does not downscale, capped at 1024', () => {
    expect(fit(200, 180, dallE2)).toEqual({ width: 256, height: 256 });
    expect(fit(400, 300, dallE2)).toEqual({ width: 512, height: 512 });
    expect(fit(3000, 2000, dallE2)).toEqual({ width: 1024, height: 1024 });
    expect(fit(3000, 2000, dallE2, 600_000)).toEqual({ width: 512, height: 512 });
  });

  it('gpt-image-1: nearest of the three ratios', () => {
    expect(fit(900, 1000)).toEqual({ width: 1024, height: 1024 });
    expect(fit(3000, 2000)).toEqual({ width: 1536, height: 1024 });
    expect(fit(500, 900)).toEqual({ width: 1024, height: 1536 });
    expect(fit(4000, 1000)).toEqual({ width: 1536, height: 1024 });
  });

  it('gpt-image-2: multiples of 16, ratio within 1:3…3:1, within 3840x2160', () => {
    const cases: Array<[number, number]> = [[6000, 4000], [1000, 9000], [300, 200], [5000, 5000], [1777, 1001], [3840, 2160], [9000, 1000]];
    const rule = gpt2.sizes as FreeSizeRule;
    for (const [w, h] of cases) {
      const s = fit(w, h, gpt2);
      expect(s.width % 16, `${w}x${h}`).toBe(0);
      expect(s.height % 16).toBe(0);
      expect(Math.max(s.width, s.height) / Math.min(s.width, s.height)).toBeLessThanOrEqual(3);
      expect(Math.max(s.width, s.height)).toBeLessThanOrEqual(3840);
      expect(Math.min(s.width, s.height)).toBeLessThanOrEqual(2160);
      expect(s.width * s.height).toBeLessThanOrEqual(rule.maxPixels);
    }
    const wide = fit(6000, 4000, gpt2);
    expect(wide.width / wide.height).toBeCloseTo(1.5, 1);
    // Small crops are upscaled to about 1 MP, keeping the ratio.
    const small = fit(300, 200, gpt2);
    expect(small.width * small.height).toBeGreaterThan(900_000);
    expect(small.width / small.height).toBeCloseTo(1.5, 1);
  });

  it('chat image models: nearest of the fixed ~1 MP ratios', () => {
    expect(fit(1000, 1000, chat)).toEqual({ width: 1024, height: 1024 });
    expect(fit(3000, 2000, chat)).toEqual({ width: 1248, height: 832 });
    expect(fit(1600, 900, chat)).toEqual({ width: 1344, height: 768 });
    expect(fit(2100, 900, chat)).toEqual({ width: 1536, height: 672 });
    expect(fit(864, 1200, chat)).toEqual({ width: 864, height: 1184 });
    for (const s of chatImageSizes) expect(s.width * s.height).toBeGreaterThan(0.95e6);
  });

  it('json relays: multiples of 64 within the pixel budget', () => {
    for (const [w, h] of [[6000, 4000], [100, 100], [777, 333], [4000, 500]] as Array<[number, number]>) {
      const s = fit(w, h, relay);
      expect(s.width % 64).toBe(0);
      expect(s.height % 64).toBe(0);
      expect(s.width * s.height).toBeLessThanOrEqual(1536 * 1536);
    }
    expect(fit(512, 512, relay)).toEqual({ width: 512, height: 512 });
    const budget = fit(6000, 4000, relay, 500_000);
    expect(budget.width * budget.height).toBeLessThanOrEqual(500_000);
  });

  it('rejects an empty region', () => {
    expect(() => fit(0, 10)).toThrow(RangeError);
  });

  it('labels ratios for image_config', () => {
    expect(aspectRatioLabel({ width: 1248, height: 832 })).toBe('3:2');
    expect(aspectRatioLabel({ width: 768, height: 1344 })).toBe('9:16');
  });
});
