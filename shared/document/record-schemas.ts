import { z } from 'zod';
import { rectSchema } from '../contract/schemas.ts';
import { moneySchema } from '../gateway/money.ts';
import type { InfillRecord } from './records.ts';

/**
 * The document's records as zod schemas, for what crosses a trust boundary as a whole
 * document: the autosaved session, read back from disk and sent over IPC. Kept beside the
 * TypeScript types in records.ts, and checked against them below so the two cannot drift.
 */
const id = z.string().min(1).max(200);
const finite = z.number().finite();

export const generationSchema = z.object({
  prompt: z.string().max(32_000),
  providerId: z.string().max(200),
  model: z.string().max(200).optional(),
  seed: z.number().int(),
  cost: moneySchema.optional(),
  createdAt: z.string().max(64),
});

/** Layers generated before costs had a currency carry `costUsd`; it reads as USD. */
const storedGenerationSchema = z.preprocess((value) => {
  if (!value || typeof value !== 'object' || !('costUsd' in value)) return value;
  const { costUsd, ...rest } = value as Record<string, unknown>;
  return typeof costUsd === 'number' ? { ...rest, cost: { amount: costUsd, currency: 'USD' } } : rest;
}, generationSchema);

const layerRecordSchema = z.object({
  typeName: z.literal('layer'),
  id,
  kind: z.enum(['image', 'generated']),
  name: z.string().max(500),
  assetId: z.string().regex(/^[a-f0-9]{32}$/),
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  visible: z.boolean(),
  opacity: z.number().min(0).max(1),
  generation: storedGenerationSchema.optional(),
});

const shapeModeSchema = z.enum(['add', 'subtract', 'replace']);

const maskOperationSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('stroke'),
    mode: z.enum(['paint', 'erase']),
    size: finite.positive(),
    hardness: z.number().min(0).max(1),
    points: z.array(finite).max(2_000_000),
  }),
  z.object({ kind: z.literal('invert') }),
  z.object({ kind: z.literal('rect'), x: finite, y: finite, width: finite, height: finite, mode: shapeModeSchema.optional() }),
  z.object({ kind: z.literal('ellipse'), x: finite, y: finite, width: finite, height: finite, mode: shapeModeSchema.optional() }),
  z.object({ kind: z.literal('polygon'), points: z.array(finite).min(6).max(2_000_000), mode: shapeModeSchema.optional() }),
  z.object({
    kind: z.literal('raster'),
    assetId: z.string().regex(/^[a-f0-9]{32}$/),
    x: z.number().int(),
    y: z.number().int(),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    mode: shapeModeSchema.optional(),
  }),
]);

const maskOpRecordSchema = z.object({ typeName: z.literal('mask-op'), id, seq: finite, op: maskOperationSchema, target: z.literal('exclude').optional() });

const documentRecordSchema = z.object({
  typeName: z.literal('document'),
  id: z.literal('document'),
  canvas: rectSchema,
  order: z.array(id).max(10_000),
  name: z.string().max(500),
  description: z.object({ caption: z.string().max(2000), altText: z.string().max(2000), model: z.string().max(200) }).optional(),
});

export const recordSchema = z.discriminatedUnion('typeName', [layerRecordSchema, maskOpRecordSchema, documentRecordSchema]);

export const recordMapSchema = z
  .record(id, recordSchema)
  .refine((records) => Object.entries(records).every(([key, record]) => key === record.id), 'Record keys must match their ids');

// Compile-time checks that the schema and the types describe the same records.
type Parsed = z.infer<typeof recordSchema>;
export const _schemaMatchesTypes: [Parsed extends InfillRecord ? true : never, InfillRecord extends Parsed ? true : never] = [true, true];
