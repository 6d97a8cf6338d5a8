import { z } from 'zod';

/**
 * What a running job is doing, for the renderer to word: a catalogue key (`panels:progress.*`)
 * and its params. Main keeps the English sentence beside it for logs and the CLI. Byte counts
 * travel as `bytes`/`refusedBytes` and money as `amount` + `currency`, so the renderer formats
 * them in the person's language.
 */
export const progressNoteSchema = z.object({
  key: z.string().regex(/^panels:progress\.\w+$/),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ProgressNote = z.infer<typeof progressNoteSchema>;

/** A progress step as main reports it: the English for logs and the CLI, the note for the screen. */
export interface ProgressStep {
  message: string;
  note: ProgressNote;
}
