import { z } from 'zod';
import { errorInfoSchema, layerSnapshotSchema, maskInputSchema, rectSchema } from '../contract/schemas.ts';
import { moneySchema } from '../gateway/money.ts';
import { progressNoteSchema } from '../contract/progress-note.ts';

/**
 * Prompt help from vision chat models, as it crosses IPC: one request starts a streamed answer,
 * deltas arrive as push events, and one `visionDone` ends it (with the whole text, so a
 * listener that missed a delta still ends right).
 */

/** suggest: what should fill the mask; describe: caption + alt text of the photo; translate: the prompt in English. */
export const visionTasks = ['suggest', 'describe', 'translate'] as const;
export const visionTaskSchema = z.enum(visionTasks);
export type VisionTask = z.infer<typeof visionTaskSchema>;

/** Long side of the picture the model sees: vision tokens cost money, so less detail is cheaper. */
export const visionDetails = ['low', 'medium', 'high'] as const;
export const visionDetailSchema = z.enum(visionDetails);
export type VisionDetail = z.infer<typeof visionDetailSchema>;
export const longSideForDetail: Record<VisionDetail, number> = { low: 512, medium: 1024, high: 2048 };

export const visionIdSchema = z.string().regex(/^vision-[a-z0-9-]{1,64}$/, 'Expected a vision request id');

export const startVisionInputSchema = z
  .object({
    task: visionTaskSchema,
    /** The profile whose vision model to use; default: the first profile that has one. */
    profileId: z.string().min(1).max(64).optional(),
    detail: visionDetailSchema.default('medium'),
    /** The prompt as typed: translated, or a hint for a suggestion. */
    prompt: z.string().max(32_000).default(''),
    canvas: rectSchema,
    layers: z.array(layerSnapshotSchema).max(1000),
    /** Suggest: the painted mask (its outline is drawn on the picture the model sees). */
    mask: maskInputSchema.optional(),
  })
  .strict();
export type StartVisionInput = z.input<typeof startVisionInputSchema>;

export const visionDeltaSchema = z.object({ visionId: visionIdSchema, text: z.string() });

/** What the call waits for before its first text: a retry countdown, the per-minute limit. */
export const visionStatusSchema = z.object({ visionId: visionIdSchema, note: progressNoteSchema });

export const visionDoneSchema = z.object({
  visionId: visionIdSchema,
  task: visionTaskSchema,
  /** Everything that arrived, once, even when the stream broke or was stopped. */
  text: z.string(),
  /** The stream ended before the model finished (stopped, or broken after the first token). */
  incomplete: z.boolean(),
  /** The model declined: its words are in `error`, not a prompt to use. */
  refused: z.boolean(),
  model: z.string(),
  gatewayName: z.string(),
  cost: moneySchema.optional(),
  inputTokens: z.number().int().min(0).optional(),
  outputTokens: z.number().int().min(0).optional(),
  /** Tokens counted by Infill because the stream reported no usage. */
  estimated: z.boolean(),
  /** Set when it failed or broke; with `incomplete` the partial text is still in `text`. */
  error: errorInfoSchema.optional(),
});
export type VisionDone = z.infer<typeof visionDoneSchema>;
