import { z } from 'zod';
import { gatewayProfileSchema, gatewayProtocolSchema, visionProtocolSchema } from '../gateway/profile.ts';
import { moneySchema } from '../gateway/money.ts';
import { modelPriceSchema, priceSheetSchema } from '../gateway/prices.ts';
import { errorCodes } from '../errors.ts';

/** Building blocks shared by channel and event schemas. */

export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;
/** 24 MP photos are common; 100 MP still fits in memory on a desktop, larger is refused up front. */
export const MAX_IMAGE_PIXELS = 100_000_000;
export const MAX_CANVAS_SIDE = 30_000;

export const bytesSchema = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'Expected binary data');

export const assetIdSchema = z.string().regex(/^[a-f0-9]{32}$/, 'Expected an asset id');
export const jobIdSchema = z.string().regex(/^job-[a-z0-9-]{1,64}$/, 'Expected a job id');

const coordinate = z.number().int().min(-MAX_CANVAS_SIDE).max(MAX_CANVAS_SIDE);
const side = z.number().int().min(1).max(MAX_CANVAS_SIDE);

export const rectSchema = z.object({ x: coordinate, y: coordinate, width: side, height: side });

export const assetInfoSchema = z.object({
  assetId: assetIdSchema,
  width: side,
  height: side,
  mime: z.string(),
});
export type AssetInfo = z.infer<typeof assetInfoSchema>;

/** What main needs to know of a layer to flatten it: pixels by reference, never by value. */
export const layerSnapshotSchema = z.object({
  assetId: assetIdSchema,
  x: coordinate,
  y: coordinate,
  opacity: z.number().min(0).max(1),
  visible: z.boolean(),
});
export type LayerSnapshot = z.infer<typeof layerSnapshotSchema>;

/**
 * The painted mask, cropped to its bounding box in document pixels: one byte per pixel,
 * 0 = keep, 255 = change, values between blend (soft brush edges).
 */
export const maskInputSchema = z
  .object({ x: coordinate, y: coordinate, width: side, height: side, alpha: bytesSchema })
  .refine((m) => m.alpha.length === m.width * m.height, { message: 'Mask data does not match its size' });
export type MaskInput = z.infer<typeof maskInputSchema>;

/** Flat image formats: the visible layers flattened into one picture. */
export const exportFormatSchema = z.enum(['png', 'jpeg', 'webp', 'avif']);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

export const providerInfoSchema = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(['offline', 'gateway']),
  supportsPrompt: z.boolean(),
  description: z.string(),
  /** Settings this provider takes beyond the prompt, for the UI to offer. */
  tuning: z.array(z.enum(['seed', 'variations', 'strength', 'guidance', 'exclude'])).optional(),
  /** A gateway's model and host, so the renderer can word the description in its language. */
  gateway: z.object({ model: z.string(), host: z.string() }).optional(),
});
export type ProviderInfo = z.infer<typeof providerInfoSchema>;

export const candidateSchema = z.object({
  assetId: assetIdSchema,
  x: coordinate,
  y: coordinate,
  width: side,
  height: side,
  seed: z.number().int(),
  providerId: z.string(),
  model: z.string().optional(),
  /** What this variation cost, in the currency the gateway bills in. */
  cost: moneySchema.optional(),
});
export type Candidate = z.infer<typeof candidateSchema>;

export const jobStageSchema = z.enum(['queued', 'preparing', 'running', 'compositing', 'done']);
export type JobStage = z.infer<typeof jobStageSchema>;

/** What the renderer may know of a stored API key: never the key, at most its last four characters. */
export const keyStatusSchema = z.object({
  state: z.enum(['none', 'session', 'stored', 'stored-insecure', 'environment', 'unreadable']),
  /** Last four characters, or '' for short keys. */
  hint: z.string().max(4),
  /** "configured ••••abcd", "from environment (INFILL_API_KEY)", "no key"… */
  label: z.string().max(120),
});
export type KeyStatus = z.infer<typeof keyStatusSchema>;

/** Whether main can keep keys on disk encrypted (Electron safeStorage with a real keychain). */
export const keyStorageInfoSchema = z.object({
  secure: z.boolean(),
  backend: z.string().max(40),
  warning: z.string().max(400).optional(),
});
export type KeyStorageInfo = z.infer<typeof keyStorageInfoSchema>;

/**
 * Our side of a gateway's limits, per profile: free tiers allow 1–5 requests at once and 10–60
 * per minute; image models take a minute or more to answer.
 */
export const gatewayLimitsSchema = z
  .object({
    maxConcurrent: z.number().int().min(1).max(16),
    requestsPerMinute: z.number().int().min(1).max(600),
    maxRetries: z.number().int().min(0).max(5),
    connectTimeoutS: z.number().int().min(1).max(120),
    totalTimeoutS: z.number().int().min(10).max(3600),
  })
  .strict();
export type GatewayLimits = z.infer<typeof gatewayLimitsSchema>;
export const defaultGatewayLimits: GatewayLimits = { maxConcurrent: 2, requestsPerMinute: 30, maxRetries: 2, connectTimeoutS: 10, totalTimeoutS: 600 };

/** A profile as the settings dialog edits it: no key, no id for a new one. */
export const profileDraftSchema = z
  .object({
    id: gatewayProfileSchema.shape.id.optional(),
    name: z.string().trim().min(1, 'Give the gateway a name').max(80),
    /** Checked in main with validateBaseUrl (https unless loopback, /v1 hint). */
    baseUrl: z.string().trim().min(1, 'Enter the base URL').max(2000),
    protocol: gatewayProtocolSchema,
    model: z.string().trim().min(1, 'Choose a model').max(200),
    limits: gatewayLimitsSchema.optional(),
    /** Prompt help: a vision chat model on the same gateway (empty: none) and how to speak to it. */
    visionModel: z.string().trim().max(200).optional(),
    visionProtocol: visionProtocolSchema.optional(),
  })
  .strict();
export type ProfileDraft = z.infer<typeof profileDraftSchema>;

/** A saved profile as the renderer sees it: the key only as its status. */
export const profileViewSchema = gatewayProfileSchema.extend({
  keyStatus: keyStatusSchema,
  /** The person chose to keep the key on disk although no keychain encrypts it. */
  persistInsecurely: z.boolean(),
  limits: gatewayLimitsSchema,
});
export type ProfileView = z.infer<typeof profileViewSchema>;

/** What saving a profile warns of, as data: the renderer words it in the person's language. */
export const profileSaveWarningSchema = z.discriminatedUnion('kind', [
  /** The base URL has no /v1-style version: most relays answer 401 or 404 without it. */
  z.object({ kind: z.literal('noVersion'), suggestion: z.string() }),
  /** The host changed, so the key entered for the old one was removed rather than sent to the new one. */
  z.object({ kind: z.literal('keyRemovedHostChanged'), from: z.string(), to: z.string() }),
]);
export type ProfileSaveWarning = z.infer<typeof profileSaveWarningSchema>;

/** Price per model, as edited in the usage view, in the currency of its sheet. */
export const priceTableInputSchema = z.record(z.string().min(1).max(200), modelPriceSchema.strict());
export const priceSheetInputSchema = priceSheetSchema.extend({ prices: priceTableInputSchema }).strict();

/** One line of the usage log: a finished gateway job and what it cost. */
export const usageEntrySchema = z.object({
  at: z.string().max(40),
  jobId: z.string().max(100),
  providerId: z.string().max(200),
  gatewayName: z.string().max(80),
  model: z.string().max(200),
  images: z.number().int().min(0),
  /** Undefined when no price was known for the model. */
  cost: moneySchema.optional(),
});
export type UsageEntry = z.infer<typeof usageEntrySchema>;

/** Log lines written before costs had a currency carry `costUsd`. */
export const storedUsageEntrySchema = z.preprocess((line) => {
  if (!line || typeof line !== 'object' || !('costUsd' in line)) return line;
  const { costUsd, ...rest } = line as Record<string, unknown>;
  return typeof costUsd === 'number' ? { ...rest, cost: { amount: costUsd, currency: 'USD' } } : rest;
}, usageEntrySchema);

export const usageSummarySchema = z.object({
  /** One total per currency, never added across currencies. */
  totals: z.array(moneySchema),
  jobs: z.number().int().min(0),
  images: z.number().int().min(0),
  /** Jobs whose model had no price: their cost is unknown, not zero. */
  unpricedJobs: z.number().int().min(0),
  /** Totals per local day (YYYY-MM-DD), model and currency, oldest first. */
  byDay: z.array(z.object({ day: z.string(), model: z.string(), currency: z.string(), cost: z.number().min(0), jobs: z.number().int(), images: z.number().int() })),
  recent: z.array(usageEntrySchema).max(100),
});
export type UsageSummary = z.infer<typeof usageSummarySchema>;

/** An error as it crosses to the renderer: the code and params it is worded from, and the English fallback. */
export const errorInfoSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
