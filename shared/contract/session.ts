import { z } from 'zod';
import { documentHistorySchema, journalEntrySchema } from '../document/journal-schema.ts';
import { recordMapSchema } from '../document/record-schemas.ts';

/**
 * The autosave's two channels. The renderer sends each change as it is made (journal entries,
 * a few hundred bytes for a stroke); main appends them to a log and folds the log into a
 * snapshot now and then. Loading gives back the records and the undo/redo history, and says
 * — as data, the renderer words it — when it had to fall back or salvage.
 */
export const MAX_ENTRIES_PER_SAVE = 10_000;

export const saveSessionInput = z.object({ entries: z.array(journalEntrySchema).min(1).max(MAX_ENTRIES_PER_SAVE) }).strict();

export const sessionRecoverySchema = z.object({
  /**
   * older: the newest autosave was damaged, an earlier one and the edit log brought the work back;
   * partial: only part could be read (some layers, mask strokes or the undo history are lost);
   * unreadable: nothing could be read. Damaged files are always kept aside, never deleted.
   */
  kind: z.enum(['older', 'partial', 'unreadable']),
  /** When the restored state was saved. */
  savedAt: z.string().optional(),
});

export const loadSessionOutput = z.object({
  session: z.object({ records: recordMapSchema, history: documentHistorySchema, savedAt: z.string() }).nullable(),
  recovery: sessionRecoverySchema.optional(),
});

export type SessionRecovery = z.infer<typeof sessionRecoverySchema>;
