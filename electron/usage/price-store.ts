import { join } from 'node:path';
import { z } from 'zod';
import { defaultPriceTable, priceTableSchema, type PriceTable } from '../../shared/gateway/prices.ts';
import { readTextIfExists, serialized, writeFileAtomic } from '../storage/atomic-file.ts';

/**
 * The editable price table (`prices.json`). The defaults are list prices that relays mark up or
 * bill in CNY/VND, so the person's table replaces them whole once saved; until then the
 * defaults apply.
 */
export interface PriceStore {
  table(): PriceTable;
  save(table: PriceTable): Promise<PriceTable>;
  onChange(listener: () => void): () => void;
}

const priceFileSchema = z.object({ version: z.literal(1), prices: priceTableSchema });

export async function createPriceStore(options: { dataDir: string }): Promise<PriceStore> {
  const file = join(options.dataDir, 'prices.json');
  const listeners = new Set<() => void>();
  const queue = serialized();
  let table: PriceTable = defaultPriceTable;
  const text = await readTextIfExists(file);
  if (text !== undefined) {
    try {
      const parsed = priceFileSchema.safeParse(JSON.parse(text));
      if (parsed.success) table = parsed.data.prices;
    } catch {
      // A damaged price file falls back to the defaults; saving rewrites it.
    }
  }
  return {
    table: () => table,
    save(next) {
      return queue(async () => {
        table = next;
        await writeFileAtomic(file, `${JSON.stringify({ version: 1, prices: table }, null, 2)}\n`, 0o644);
        for (const listener of listeners) listener();
        return table;
      });
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
