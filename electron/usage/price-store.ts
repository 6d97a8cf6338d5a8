import { join } from 'node:path';
import { z } from 'zod';
import { defaultPriceSheet, modelPriceSchema, priceSheetSchema, type PriceSheet } from '../../shared/gateway/prices.ts';
import { readTextIfExists, serialized, writeFileAtomic } from '../storage/atomic-file.ts';

/**
 * The editable price sheets (`prices.json`): one per gateway profile that has its own (a relay
 * bills in its own currency and with its own margin), and a default sheet for every other
 * gateway job (profiles without one, the CLI's `--base-url`). Until the default is saved it is
 * the vendors' list prices in USD.
 */
export interface PriceStore {
  /** The sheet a gateway's jobs are priced with: its own, else the default. */
  sheetFor(profileId?: string): PriceSheet;
  /** Whether the profile has a sheet of its own. */
  hasOwnSheet(profileId: string): boolean;
  /** Saves the profile's own sheet, or the default one without a profile. */
  save(profileId: string | undefined, sheet: PriceSheet): Promise<PriceSheet>;
  onChange(listener: () => void): () => void;
}

const DEFAULT_SHEET = 'default';

const sheetsFileSchema = z.object({ version: z.literal(2), sheets: z.record(z.string(), priceSheetSchema) });

/** Version 1 kept one USD table with `perImageUsd`; it becomes the default sheet. */
const legacyFileSchema = z.object({
  version: z.literal(1),
  prices: z.record(z.string(), modelPriceSchema.extend({ perImageUsd: z.number().min(0).optional() })),
});

export function readPriceFile(text: string): Record<string, PriceSheet> {
  try {
    const json: unknown = JSON.parse(text);
    const current = sheetsFileSchema.safeParse(json);
    if (current.success) return current.data.sheets;
    const legacy = legacyFileSchema.safeParse(json);
    if (legacy.success) {
      const prices = Object.fromEntries(
        Object.entries(legacy.data.prices).map(([model, { perImageUsd, ...price }]) => [model, perImageUsd === undefined ? price : { ...price, perImage: perImageUsd }]),
      );
      return { [DEFAULT_SHEET]: { currency: 'USD', prices } };
    }
  } catch {
    // A damaged price file falls back to the defaults; saving rewrites it.
  }
  return {};
}

export async function createPriceStore(options: { dataDir: string }): Promise<PriceStore> {
  const file = join(options.dataDir, 'prices.json');
  const listeners = new Set<() => void>();
  const queue = serialized();
  const text = await readTextIfExists(file);
  let sheets: Record<string, PriceSheet> = text === undefined ? {} : readPriceFile(text);
  const fallback = () => sheets[DEFAULT_SHEET] ?? defaultPriceSheet;
  return {
    sheetFor: (profileId) => (profileId !== undefined ? sheets[profileId] : undefined) ?? fallback(),
    hasOwnSheet: (profileId) => sheets[profileId] !== undefined,
    save(profileId, sheet) {
      return queue(async () => {
        sheets = { ...sheets, [profileId ?? DEFAULT_SHEET]: sheet };
        await writeFileAtomic(file, `${JSON.stringify({ version: 2, sheets }, null, 2)}\n`, 0o644);
        for (const listener of listeners) listener();
        return sheet;
      });
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
