import { describe, expect, it } from 'vitest';
import { addToTotals, moneyText } from './money.ts';

describe('moneyText', () => {
  it('keeps sub-cent amounts readable and larger ones to the cent', () => {
    expect(moneyText({ amount: 0.00063, currency: 'USD' })).toBe('0.00063 USD');
    expect(moneyText({ amount: 0.042, currency: 'USD' })).toBe('0.042 USD');
    expect(moneyText({ amount: 12.5, currency: 'EUR' })).toBe('12.50 EUR');
    expect(moneyText({ amount: 0, currency: 'VND' })).toBe('0.00 VND');
  });
});

describe('addToTotals', () => {
  it('adds within a currency and never across currencies', () => {
    const totals = addToTotals(addToTotals(addToTotals([], { amount: 1, currency: 'USD' }), { amount: 2000, currency: 'VND' }), { amount: 0.5, currency: 'USD' });
    expect(totals).toEqual(expect.arrayContaining([{ amount: 1.5, currency: 'USD' }, { amount: 2000, currency: 'VND' }]));
    expect(totals).toHaveLength(2);
  });
});
