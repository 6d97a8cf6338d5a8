import { z } from 'zod';
import type { EventName } from './names.ts';
import { progressNoteSchema } from './progress-note.ts';
import { assetIdSchema, candidateSchema, errorInfoSchema, jobIdSchema, jobStageSchema, rectSchema } from './schemas.ts';
import { visionDeltaSchema, visionDoneSchema, visionStatusSchema } from '../vision/vision-contract.ts';

/** Push events from main to the renderer. */
export const events = {
  jobProgress: z.object({
    jobId: jobIdSchema,
    stage: jobStageSchema,
    /** 0…1 within the whole job. */
    progress: z.number().min(0).max(1),
    /** English, for logs and the CLI. */
    message: z.string().optional(),
    /** The same for the screen, worded in the person's language. */
    note: progressNoteSchema.optional(),
    /** A partial image the model streamed, to show over `previewRect` until the result lands. */
    preview: z.object({ assetId: assetIdSchema, rect: rectSchema }).optional(),
  }),
  jobDone: z.discriminatedUnion('ok', [
    z.object({ jobId: jobIdSchema, ok: z.literal(true), candidates: z.array(candidateSchema) }),
    z.object({
      jobId: jobIdSchema,
      ok: z.literal(false),
      error: errorInfoSchema,
    }),
  ]),
  /** A native menu item was chosen; the renderer runs the action of that id. */
  menuAction: z.object({ actionId: z.string().max(100) }),
  /** Prompt help: the next piece of a streamed answer. */
  visionDelta: visionDeltaSchema,
  /** Prompt help: a wait before the answer starts (a retry after a 429, the per-minute limit). */
  visionStatus: visionStatusSchema,
  visionDone: visionDoneSchema,
} satisfies Record<EventName, z.ZodType>;

export type Events = typeof events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

/** Where main's push events go: every Electron window, or every browser-bridge client. */
export type EventSink = <E extends EventName>(name: E, payload: EventPayload<E>) => void;
