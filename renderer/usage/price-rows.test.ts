import { describe, expect, it } from 'vitest';
import { parsePrice, rowsOf, tableOf } from './price-rows.ts';

describe('price rows', () => {
  it('round-trips a table, keeping fields the editor does not show', () => {
    const table = { 'dall-e-2': { perImage: 0.02, perImageBySize: { '512x512': 0.018 } } };
    expect(tableOf(rowsOf(table))).toEqual(table);
  });

  it('reads a decimal comma as German and Vietnamese write prices', () => {
    expect(parsePrice('0,042')).toBe(0.042);
    expect(parsePrice('1050')).toBe(1050);
    expect(parsePrice('-1')).toBeUndefined();
    expect(parsePrice('abc')).toBeUndefined();
  });
});
