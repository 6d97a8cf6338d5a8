import { z } from 'zod';
import type { ChannelName } from './names.ts';
import { loadSessionOutput, saveSessionInput } from './session.ts';
import {
  assetIdSchema,
  assetInfoSchema,
  bytesSchema,
  jobIdSchema,
  layerSnapshotSchema,
  maskInputSchema,
  MAX_IMPORT_BYTES,
  providerInfoSchema,
  rectSchema,
  keyStorageInfoSchema,
  priceSheetInputSchema,
  profileDraftSchema,
  profileViewSchema,
  profileSaveWarningSchema,
  usageSummarySchema,
} from './schemas.ts';
import { gatewayProfileSchema } from '../gateway/profile.ts';
import { selectionChannels } from './selection-channels.ts';
import { exportRequestSchema, exportResultSchema } from './export-schemas.ts';
import { openProjectInputSchema, openProjectOutputSchema, recentProjectSchema, saveProjectInputSchema, saveProjectOutputSchema } from './project-schemas.ts';
import { startVisionInputSchema, visionIdSchema } from '../vision/vision-contract.ts';
import { preferencesSchema } from '../preferences.ts';

const empty = z.object({}).strict();

/**
 * Every request the renderer can make of main, declared once: main parses `input` before a
 * handler sees it, the renderer's `window.infill` type is inferred from it, and the browser
 * bridge serves the same table.
 */
export const channels = {
  getAppInfo: {
    input: empty,
    output: z.object({ version: z.string(), platform: z.string(), shell: z.enum(['electron', 'browser']) }),
  },
  importImage: {
    input: z
      .object({
        name: z.string().min(1).max(255),
        bytes: bytesSchema.refine((b) => b.length <= MAX_IMPORT_BYTES, 'The file is larger than 512 MB'),
        /** A photo opened as the document: main keeps its pixels decoded for the first fill. */
        keepPixels: z.boolean().optional(),
      })
      .strict(),
    output: z.object({ name: z.string(), asset: assetInfoSchema }),
  },
  readAsset: {
    input: z.object({ assetId: assetIdSchema }).strict(),
    output: assetInfoSchema.extend({ bytes: bytesSchema }),
  },
  retainAssets: {
    input: z.object({ assetIds: z.array(assetIdSchema).max(100_000) }).strict(),
    output: z.object({ released: z.number().int() }),
  },
  /** Flat pictures (PNG, JPEG, WebP, AVIF) and layered files (PSD, OpenRaster): export-schemas.ts. */
  exportImage: {
    input: exportRequestSchema,
    output: exportResultSchema,
  },
  /** The mask as a greyscale PNG the size of the canvas (white = change). */
  exportMask: {
    input: z.object({ canvas: rectSchema, mask: maskInputSchema }).strict(),
    output: z.object({ bytes: bytesSchema }),
  },
  /**
   * The layers flattened over `region` into a new asset: Merge down and Flatten. No layers
   * gives a transparent asset the size of the region: a new empty layer.
   */
  flattenLayers: {
    input: z.object({ region: rectSchema, layers: z.array(layerSnapshotSchema).max(1000) }).strict(),
    output: assetInfoSchema,
  },
  /** Packs the document, its undo/redo history and every image they reach into a `.infill` file. */
  saveProject: { input: saveProjectInputSchema, output: saveProjectOutputSchema },
  /** Reads a `.infill` file: what is readable comes back, what was lost is listed. */
  openProject: { input: openProjectInputSchema, output: openProjectOutputSchema },
  /** The last ten projects saved or opened, newest first. */
  listRecentProjects: { input: empty, output: z.object({ projects: z.array(recentProjectSchema) }) },
  openRecentProject: { input: recentProjectSchema.pick({ id: true }).strict(), output: openProjectOutputSchema },
  listProviders: {
    input: empty,
    output: z.object({ providers: z.array(providerInfoSchema), defaultProviderId: z.string() }),
  },
  /** Autosave: the document's changes as they happen (see session.ts). */
  saveSession: {
    input: saveSessionInput,
    output: z.object({ savedAt: z.string() }),
  },
  loadSession: {
    input: empty,
    output: loadSessionOutput,
  },
  estimateJob: {
    input: z
      .object({ providerId: z.string().min(1).max(200), canvas: rectSchema, mask: maskInputSchema })
      .strict(),
    output: z.object({
      /** Null when the provider cannot say (a gateway's queue is not ours to predict). */
      seconds: z.number().min(0).nullable(),
      /** What will run, e.g. "content-aware fill of 41 000 px" (English, for logs and the CLI). */
      detail: z.string(),
      /** The same for the renderer to word: the offline method and the pixels it fills. */
      method: z.enum(['smooth', 'content-aware']).optional(),
      pixels: z.number().int().min(0).optional(),
    }),
  },
  startJob: {
    input: z
      .object({
        providerId: z.string().min(1).max(200),
        prompt: z.string().max(32_000),
        canvas: rectSchema,
        /** Empty for "Generate image": a blank crop under a full mask is a generation. */
        layers: z.array(layerSnapshotSchema).max(1000),
        mask: maskInputSchema,
        seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
        /** Variations to ask for (images endpoints take up to 10; chat and JSON relays are called once per image). */
        n: z.number().int().min(1).max(10).optional(),
        /** Diffusion relays only (see ProviderInfo.tuning): how far from the original, and how closely to follow the prompt. */
        strength: z.number().min(0).max(1).optional(),
        guidance: z.number().min(0).max(30).optional(),
        /**
         * Offline content-aware fill only (ProviderInfo.tuning 'exclude'): areas it must never
         * copy from, painted like the mask (any non-zero value excludes).
         */
        exclude: maskInputSchema.optional(),
      })
      .strict(),
    output: z.object({ jobId: jobIdSchema }),
  },
  cancelJob: {
    input: z.object({ jobId: jobIdSchema }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
  /** Gateway profiles with their key status (never the key), the presets, and whether keys can be kept encrypted. */
  listProfiles: {
    input: empty,
    output: z.object({ profiles: z.array(profileViewSchema), presets: z.array(gatewayProfileSchema), keyStorage: keyStorageInfoSchema }),
  },
  /**
   * Creates (no id) or updates a profile. `apiKey` is write-only: it is stored in main and
   * never returned; without it the stored key is kept, `clearKey` removes it.
   */
  saveProfile: {
    input: z
      .object({
        profile: profileDraftSchema,
        apiKey: z.string().max(4096).optional(),
        clearKey: z.boolean().optional(),
        persistInsecurely: z.boolean().optional(),
      })
      .strict(),
    output: z.object({ profile: profileViewSchema, warnings: z.array(profileSaveWarningSchema) }),
  },
  deleteProfile: {
    input: z.object({ id: gatewayProfileSchema.shape.id }).strict(),
    output: z.object({ deleted: z.boolean() }),
  },
  /** `GET {base}/models` with the typed key, else the saved profile's key, else INFILL_API_KEY. */
  testConnection: {
    input: z.object({ profile: profileDraftSchema, apiKey: z.string().max(4096).optional() }).strict(),
    output: z.object({
      models: z.array(z.string()),
      modelListed: z.boolean(),
      url: z.string(),
      /** Set when the draft names a vision model: whether the gateway lists it too. */
      visionModelListed: z.boolean().optional(),
    }),
  },
  /** A gateway's price sheet (its own, else the default one), and the list prices to reset to. */
  getPrices: {
    input: z.object({ profileId: gatewayProfileSchema.shape.id.optional() }).strict(),
    output: z.object({ sheet: priceSheetInputSchema, defaults: priceSheetInputSchema, own: z.boolean() }),
  },
  /** Saves a gateway's own sheet, or the default sheet without `profileId`. */
  savePrices: {
    input: z.object({ profileId: gatewayProfileSchema.shape.id.optional(), sheet: priceSheetInputSchema }).strict(),
    output: z.object({ sheet: priceSheetInputSchema }),
  },
  getUsage: {
    input: empty,
    output: usageSummarySchema,
  },
  ...selectionChannels,
  /** Prompt help: streams a vision model's answer as visionDelta events, then one visionDone. */
  startVision: {
    input: startVisionInputSchema,
    output: z.object({ visionId: visionIdSchema, model: z.string() }),
  },
  /** Stops a stream at once; its visionDone carries the text that arrived. */
  cancelVision: {
    input: z.object({ visionId: visionIdSchema }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
  /** The person's settings that outlive a restart; `language: null` follows the system or browser. */
  getPreferences: {
    input: empty,
    output: preferencesSchema,
  },
  savePreferences: {
    input: preferencesSchema.strict(),
    output: preferencesSchema,
  },
} satisfies Record<ChannelName, { input: z.ZodType; output: z.ZodType }>;

export type Channels = typeof channels;
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;
