import { z } from 'zod';

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

export const exportFormatSchema = z.enum(['png', 'jpeg', 'webp']);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

export const providerInfoSchema = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(['offline', 'gateway']),
  supportsPrompt: z.boolean(),
  description: z.string(),
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
  costUsd: z.number().min(0).optional(),
});
export type Candidate = z.infer<typeof candidateSchema>;

export const jobStageSchema = z.enum(['queued', 'preparing', 'running', 'compositing', 'done']);
export type JobStage = z.infer<typeof jobStageSchema>;
