import { z } from 'zod';
import { assetIdSchema, bytesSchema, layerSnapshotSchema, maskInputSchema, MAX_CANVAS_SIDE, MAX_IMPORT_BYTES, rectSchema } from './schemas.ts';

/**
 * Channels of the selection tools: on-device object selection (analyse the photo once, then
 * one decoder run per click) and masks as pixels (grow/shrink/feather, raster mask assets,
 * mask PNG files). Spread into the channel table in channels.ts.
 */
const embeddingIdSchema = z.string().regex(/^[a-f0-9]{32}$/, 'Expected an embedding id');
const candidateIdSchema = z.string().regex(/^cand-\d{1,12}$/, 'Expected a candidate id');
const position = z.number().finite().min(-MAX_CANVAS_SIDE).max(2 * MAX_CANVAS_SIDE);
const length = z.number().finite().min(0).max(2 * MAX_CANVAS_SIDE);

export const segmentPointSchema = z.object({ x: position, y: position, include: z.boolean() }).strict();
export const maskAdjustmentSchema = z.object({ kind: z.enum(['grow', 'shrink', 'feather']), px: z.number().min(0).max(200) }).strict();
const maskAssetSchema = z.object({ assetId: assetIdSchema, rect: rectSchema });

export const selectionChannels = {
  /** Flattens the visible layers and makes the model's embedding of them (reused while the pixels stay the same). */
  analysePhoto: {
    input: z.object({ canvas: rectSchema, layers: z.array(layerSnapshotSchema).max(1000) }).strict(),
    output: z.object({ embeddingId: embeddingIdSchema, width: z.number().int(), height: z.number().int() }),
  },
  cancelAnalysis: {
    input: z.object({}).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
  /** One click (or box) of Select object, in document pixels; `previousId` refines that candidate. */
  segmentObject: {
    input: z
      .object({
        embeddingId: embeddingIdSchema,
        points: z.array(segmentPointSchema).max(64),
        box: z.object({ x: position, y: position, width: length, height: length }).strict().optional(),
        previousId: candidateIdSchema.optional(),
      })
      .strict()
      .refine((input) => input.points.length > 0 || input.box !== undefined, 'Give at least one point or a box'),
    output: z.object({ candidateId: candidateIdSchema, mask: maskInputSchema.nullable(), score: z.number() }),
  },
  /** Stores a mask (optionally grown, shrunk or feathered first) as an asset a raster mask record can name. */
  storeMask: {
    input: z.object({ canvas: rectSchema, mask: maskInputSchema, adjust: maskAdjustmentSchema.optional() }).strict(),
    output: z.object({ stored: maskAssetSchema.nullable() }),
  },
  /** The same adjustment without storing it: the live preview of Grow, Shrink and Feather. */
  adjustMask: {
    input: z.object({ canvas: rectSchema, mask: maskInputSchema, adjust: maskAdjustmentSchema }).strict(),
    output: z.object({ mask: maskInputSchema.nullable() }),
  },
  /** The mask as a PNG file at the canvas's size, white = change. */
  encodeMaskPng: {
    input: z.object({ canvas: rectSchema, mask: maskInputSchema.nullable() }).strict(),
    output: z.object({ bytes: bytesSchema }),
  },
  /** Reads a mask image (white = change), scaled to the canvas when its size differs. */
  readMaskPng: {
    input: z
      .object({
        name: z.string().min(1).max(255),
        bytes: bytesSchema.refine((b) => b.length <= MAX_IMPORT_BYTES, 'The file is larger than 512 MB'),
        canvas: rectSchema,
      })
      .strict(),
    output: maskAssetSchema.extend({ scaledFrom: z.object({ width: z.number().int(), height: z.number().int() }).optional() }),
  },
} as const;

export type MaskAdjustment = z.infer<typeof maskAdjustmentSchema>;
