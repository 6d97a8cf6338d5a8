import { describe, expect, it } from 'vitest';
import { addToTotals, totalsOf } from './money.ts';
import { defaultPriceSheet, defaultPriceTable, estimateCost, priceFor, priceTableSchema } from './prices.ts';

describe('prices', () => {
  it('the default table is valid and editable', () => {
    expect(priceTableSchema.parse(defaultPriceTable)).toEqual(defaultPriceTable);
    const edited = { currency: 'USD', prices: { ...defaultPriceTable, 'gpt-image-1': { perImage: 0.5 } } };
    expect(estimateCost({ model: 'gpt-image-1', images: 2 }, edited)).toEqual({ amount: 1, currency: 'USD' });
  });

  it('finds rows through relay prefixes and suffixes', () => {
    expect(priceFor('openai/gpt-image-1')).toBe(defaultPriceTable['gpt-image-1']);
    expect(priceFor('gpt-image-1-mini')).toBe(defaultPriceTable['gpt-image-1-mini']);
    expect(priceFor('google/gemini-2.5-flash-image-preview')).toBe(defaultPriceTable['gemini-2.5-flash-image']);
    expect(priceFor('unknown-model')).toBeUndefined();
  });

  it('prices GPT image usage per token', () => {
    const cost = estimateCost({
      model: 'gpt-image-1',
      images: 1,
      imageUsage: { input_tokens: 1050, output_tokens: 4160, input_tokens_details: { text_tokens: 50, image_tokens: 1000 } },
    });
    expect(cost?.currency).toBe('USD');
    expect(cost?.amount).toBeCloseTo((50 * 5 + 1000 * 10 + 4160 * 40) / 1e6, 9);
  });

  it('prefers the cost a relay reports, then per-image prices by size', () => {
    expect(estimateCost({ model: 'google/gemini-2.5-flash-image', images: 1, chatUsage: { cost: 0.0387 } })).toEqual({ amount: 0.0387, currency: 'USD' });
    expect(estimateCost({ model: 'dall-e-2', images: 3, size: '512x512' })?.amount).toBeCloseTo(0.054, 9);
    expect(estimateCost({ model: 'gpt-image-1', images: 2 })?.amount).toBeCloseTo(0.084, 9);
    expect(estimateCost({ model: 'mystery', images: 1 })).toBeUndefined();
  });

  it('bills in the sheet currency, except what OpenRouter reports in USD credits', () => {
    const yuan = { currency: 'CNY', prices: { 'gpt-image-1': { perImage: 0.3 } } };
    expect(estimateCost({ model: 'gpt-image-1', images: 2 }, yuan)).toEqual({ amount: 0.6, currency: 'CNY' });
    expect(estimateCost({ model: 'gpt-image-1', images: 1, chatUsage: { cost: 0.04 } }, yuan)).toEqual({ amount: 0.04, currency: 'USD' });
    expect(defaultPriceSheet.currency).toBe('USD');
  });
});

describe('totals per currency', () => {
  it('never adds amounts in different currencies', () => {
    const totals = totalsOf([
      { amount: 0.5, currency: 'USD' },
      { amount: 25000, currency: 'VND' },
      undefined,
      { amount: 0.25, currency: 'USD' },
      { amount: 1.2, currency: 'CNY' },
    ]);
    expect(totals).toEqual([
      { amount: 1.2, currency: 'CNY' },
      { amount: 0.75, currency: 'USD' },
      { amount: 25000, currency: 'VND' },
    ]);
    expect(addToTotals([], { amount: 1, currency: 'EUR' })).toEqual([{ amount: 1, currency: 'EUR' }]);
  });
});
