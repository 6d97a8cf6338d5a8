import { z } from 'zod';
import { currencySchema, type Money } from './money.ts';

/**
 * Editable price table, in the currency of the sheet it belongs to. Relays bill either per token
 * (GPT image models report `usage`) or per image; a row can carry both so a missing `usage` still
 * yields an estimate. Defaults are list prices in USD as published by the model vendors when this
 * was written — relays add margins and bill in CNY/VND, so each gateway gets its own sheet with
 * its own currency; nothing here is authoritative.
 */
export const modelPriceSchema = z.object({
  /** Per 1M text input tokens. */
  textInputPerMTok: z.number().min(0).optional(),
  /** Per 1M image input tokens. */
  imageInputPerMTok: z.number().min(0).optional(),
  /** Per 1M output (image) tokens. */
  outputPerMTok: z.number().min(0).optional(),
  /** Per returned image, used when the answer carries no usage. */
  perImage: z.number().min(0).optional(),
  /** Per-image prices by size ("1024x1024"), for models billed per image and size. */
  perImageBySize: z.record(z.string(), z.number().min(0)).optional(),
});
export type ModelPrice = z.infer<typeof modelPriceSchema>;

export const priceTableSchema = z.record(z.string(), modelPriceSchema);
export type PriceTable = z.infer<typeof priceTableSchema>;

export const defaultPriceTable: PriceTable = {
  'gpt-image-1': { textInputPerMTok: 5, imageInputPerMTok: 10, outputPerMTok: 40, perImage: 0.042 },
  'gpt-image-1-mini': { textInputPerMTok: 2, imageInputPerMTok: 2.5, outputPerMTok: 8, perImage: 0.011 },
  // Not verified against a price page: assumed equal to gpt-image-1 until the user edits it.
  'gpt-image-1.5': { textInputPerMTok: 5, imageInputPerMTok: 10, outputPerMTok: 40, perImage: 0.042 },
  'gpt-image-2': { textInputPerMTok: 5, imageInputPerMTok: 10, outputPerMTok: 40, perImage: 0.042 },
  'dall-e-2': { perImageBySize: { '256x256': 0.016, '512x512': 0.018, '1024x1024': 0.02 }, perImage: 0.02 },
  'gemini-2.5-flash-image': { textInputPerMTok: 0.3, imageInputPerMTok: 0.3, outputPerMTok: 30, perImage: 0.039 },
  // Vision chat models for prompt help: input (text and image tokens alike) and output per 1M tokens.
  'gpt-4.1': { textInputPerMTok: 2, outputPerMTok: 8 },
  'gpt-4.1-mini': { textInputPerMTok: 0.4, outputPerMTok: 1.6 },
  'gpt-4o': { textInputPerMTok: 2.5, outputPerMTok: 10 },
  'gpt-4o-mini': { textInputPerMTok: 0.15, outputPerMTok: 0.6 },
  'gemini-2.5-flash': { textInputPerMTok: 0.3, outputPerMTok: 2.5 },
  'claude-sonnet-4': { textInputPerMTok: 3, outputPerMTok: 15 },
  'claude-3-5-haiku': { textInputPerMTok: 0.8, outputPerMTok: 4 },
};

/** A price table and the currency its numbers are in: what one gateway bills. */
export const priceSheetSchema = z.object({ currency: currencySchema, prices: priceTableSchema });
export type PriceSheet = z.infer<typeof priceSheetSchema>;

/** The vendors' list prices, in USD: what applies until a gateway gets a sheet of its own. */
export const defaultPriceSheet: PriceSheet = { currency: 'USD', prices: defaultPriceTable };

/** `usage` as GPT image responses report it. */
export const imageUsageSchema = z.object({
  input_tokens: z.number().optional(),
  output_tokens: z.number().optional(),
  total_tokens: z.number().optional(),
  input_tokens_details: z.object({ text_tokens: z.number().optional(), image_tokens: z.number().optional() }).partial().optional(),
});
export type ImageUsage = z.infer<typeof imageUsageSchema>;

/** `usage` as chat completions report it; OpenRouter adds the billed `cost` in USD credits. */
export const chatUsageSchema = z.object({
  prompt_tokens: z.number().optional(),
  completion_tokens: z.number().optional(),
  total_tokens: z.number().optional(),
  cost: z.number().optional(),
});
export type ChatUsage = z.infer<typeof chatUsageSchema>;

/** The row for a model: exact id, else the id without a relay prefix, else the longest prefix match. */
export function priceFor(model: string, table: PriceTable = defaultPriceTable): ModelPrice | undefined {
  if (table[model]) return table[model];
  const bare = (model.split('/').pop() ?? model).toLowerCase();
  if (table[bare]) return table[bare];
  let best: string | undefined;
  for (const key of Object.keys(table)) {
    if (bare.startsWith(key.toLowerCase()) && (best === undefined || key.length > best.length)) best = key;
  }
  return best === undefined ? undefined : table[best];
}

export interface CostInput {
  model: string;
  images: number;
  size?: string;
  imageUsage?: ImageUsage;
  chatUsage?: ChatUsage;
}

function perMillion(tokens: number | undefined, price: number | undefined): number | undefined {
  if (tokens === undefined || price === undefined) return undefined;
  return (tokens * price) / 1_000_000;
}

/**
 * Cost of one answer, or undefined when nothing is known. Order: what the relay says it billed
 * (OpenRouter's `cost`, in USD credits whatever the sheet's currency), then token usage × the
 * sheet's table, then images × per-image price, in the sheet's currency.
 */
export function estimateCost(input: CostInput, sheet: PriceSheet = defaultPriceSheet): Money | undefined {
  if (input.chatUsage?.cost !== undefined) return { amount: input.chatUsage.cost, currency: 'USD' };
  const amount = estimateAmount(input, sheet.prices);
  return amount === undefined ? undefined : { amount, currency: sheet.currency };
}

function estimateAmount(input: CostInput, table: PriceTable): number | undefined {
  const price = priceFor(input.model, table);
  if (!price) return undefined;
  const usage = input.imageUsage;
  if (usage?.output_tokens !== undefined && price.outputPerMTok !== undefined) {
    const details = usage.input_tokens_details;
    const textTokens = details?.text_tokens ?? (details?.image_tokens === undefined ? usage.input_tokens : undefined);
    const inputCost =
      (perMillion(textTokens, price.textInputPerMTok) ?? 0) + (perMillion(details?.image_tokens, price.imageInputPerMTok) ?? 0);
    return inputCost + (perMillion(usage.output_tokens, price.outputPerMTok) ?? 0);
  }
  const chat = input.chatUsage;
  if (chat?.completion_tokens !== undefined && price.outputPerMTok !== undefined) {
    return (perMillion(chat.prompt_tokens, price.textInputPerMTok) ?? 0) + (perMillion(chat.completion_tokens, price.outputPerMTok) ?? 0);
  }
  const perImage = (input.size !== undefined ? price.perImageBySize?.[input.size] : undefined) ?? price.perImage;
  return perImage === undefined ? undefined : perImage * input.images;
}
