import type { ModelPrice, PriceTable } from '../../shared/gateway/prices.ts';

/** The price editor's rows: numbers as typed text, so "0." can be typed; other fields kept as they were. */
export type PriceRow = { model: string; perImage: string; textInputPerMTok: string; imageInputPerMTok: string; outputPerMTok: string; rest: ModelPrice };

const text = (n: number | undefined) => (n === undefined ? '' : String(n));
/** Typed prices; a decimal comma (as German and Vietnamese write it) counts as the point. */
export const parsePrice = (s: string): number | undefined => {
  const normalized = s.trim().replace(',', '.');
  return normalized === '' || !Number.isFinite(Number(normalized)) || Number(normalized) < 0 ? undefined : Number(normalized);
};

export function rowsOf(table: PriceTable): PriceRow[] {
  return Object.entries(table).map(([model, price]) => ({
    model,
    perImage: text(price.perImage),
    textInputPerMTok: text(price.textInputPerMTok),
    imageInputPerMTok: text(price.imageInputPerMTok),
    outputPerMTok: text(price.outputPerMTok),
    rest: price,
  }));
}

export const emptyRow = (): PriceRow => ({ model: '', perImage: '', textInputPerMTok: '', imageInputPerMTok: '', outputPerMTok: '', rest: {} });

export function tableOf(rows: readonly PriceRow[]): PriceTable {
  const table: PriceTable = {};
  for (const row of rows) {
    const model = row.model.trim();
    if (!model) continue;
    const price: ModelPrice = { ...row.rest };
    const fields = ['perImage', 'textInputPerMTok', 'imageInputPerMTok', 'outputPerMTok'] as const;
    for (const field of fields) {
      delete price[field];
      const value = parsePrice(row[field]);
      if (value !== undefined) price[field] = value;
    }
    table[model] = price;
  }
  return table;
}
