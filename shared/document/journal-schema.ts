import { z } from 'zod';
import { historySnapshotSchema, recordsDiffSchema } from './history-snapshot.ts';
import type { JournalEntry } from './journal.ts';
import { recordMapSchema, recordSchema } from './record-schemas.ts';

/**
 * Journal entries as zod schemas: they cross IPC one by one as they happen and are read back
 * from the autosave log, so each is checked whole before it touches the document.
 */
const markId = z.string().min(1).max(200);
const label = z.string().max(500);

export const documentHistorySchema = historySnapshotSchema(recordSchema);

export const journalEntrySchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('commit'),
      label,
      diff: recordsDiffSchema(recordSchema),
      mode: z.enum(['record', 'ignore']),
      markId,
      within: markId.optional(),
    })
    .strict(),
  z.object({ type: z.literal('mark'), id: markId }).strict(),
  z.object({ type: z.literal('bail'), id: markId }).strict(),
  z.object({ type: z.literal('squash'), id: markId, label: label.optional() }).strict(),
  z.object({ type: z.literal('undo') }).strict(),
  z.object({ type: z.literal('redo') }).strict(),
  z.object({ type: z.literal('replace'), records: recordMapSchema, history: documentHistorySchema.optional() }).strict(),
]);

// Compile-time checks that the schema and the type describe the same entries.
type Parsed = z.infer<typeof journalEntrySchema>;
export const _journalSchemaMatchesTypes: [Parsed extends JournalEntry ? true : never, JournalEntry extends Parsed ? true : never] = [true, true];
