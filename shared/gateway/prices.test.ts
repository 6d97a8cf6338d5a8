import { describe, expect, it } from 'vitest';
import { defaultPriceTable, estimateCostUsd, priceFor, priceTableSchema } from './prices.ts';

describe('prices', () => {
  it('the default table is valid and editable', () => {
    expect(priceTableSchema.parse(defaultPriceTable)).toEqual(defaultPriceTable);
    const edited = { ...defaultPriceTable, 'gpt-image-1': { perImageUsd: 0.5 } };
    expect(estimateCostUsd({ model: 'gpt-image-1', images: 2 }, edited)).toBe(1);
  });

  it('finds rows through relay prefixes and suffixes', () => {
    expect(priceFor('openai/gpt-image-1')).toBe(defaultPriceTable['gpt-image-1']);
    expect(priceFor('gpt-image-1-mini')).toBe(defaultPriceTable['gpt-image-1-mini']);
    expect(priceFor('google/gemini-2.5-flash-image-preview')).toBe(defaultPriceTable['gemini-2.5-flash-image']);
    expect(priceFor('unknown-model')).toBeUndefined();
  });

  it('prices GPT image usage per token', () => {
    const cost = estimateCostUsd({
      model: 'gpt-image-1',
      images: 1,
      imageUsage: { input_tokens: 1050, output_tokens: 4160, input_tokens_details: { text_tokens: 50, image_tokens: 1000 } },
    });
    expect(cost).toBeCloseTo((50 * 5 + 1000 * 10 + 4160 * 40) / 1e6, 9);
  });

  it('prefers the cost a relay reports, then per-image prices by size', () => {
    expect(estimateCostUsd({ model: 'google/gemini-2.5-flash-image', images: 1, chatUsage: { cost: 0.0387 } })).toBe(0.0387);
    expect(estimateCostUsd({ model: 'dall-e-2', images: 3, size: '512x512' })).toBeCloseTo(0.054, 9);
    expect(estimateCostUsd({ model: 'gpt-image-1', images: 2 })).toBeCloseTo(0.084, 9);
    expect(estimateCostUsd({ model: 'mystery', images: 1 })).toBeUndefined();
  });
});
