import { z } from 'zod';
import { historySnapshotSchema } from '../document/history-snapshot.ts';
import { recordMapSchema, recordSchema } from '../document/record-schemas.ts';
import { bytesSchema, MAX_IMPORT_BYTES } from './schemas.ts';

/** Project files (`.infill`): what the renderer sends to save one, and gets back from opening one. */
const historySchema = historySnapshotSchema(recordSchema);
const projectName = z.string().min(1).max(255);

export const saveProjectInputSchema = z
  .object({
    name: projectName,
    records: recordMapSchema,
    history: historySchema.optional(),
    /** Save as: ask where even when the project was saved before. */
    saveAs: z.boolean().optional(),
  })
  .strict();

/**
 * Electron writes the file where the person chose (`written`, or `cancelled` in the dialog); a
 * browser cannot, so the bridge hands the bytes back for the page to download.
 */
export const saveProjectOutputSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('download'), bytes: bytesSchema, fileName: z.string() }),
  z.object({ outcome: z.literal('written'), fileName: z.string() }),
  z.object({ outcome: z.literal('cancelled') }),
]);

export const openProjectInputSchema = z
  .object({ name: projectName, bytes: bytesSchema.refine((b) => b.length <= MAX_IMPORT_BYTES, 'The file is larger than 512 MB') })
  .strict();

export const lostPartSchema = z.object({ kind: z.enum(['layer', 'history']), name: z.string() });
export type LostPartInfo = z.infer<typeof lostPartSchema>;

export const openProjectOutputSchema = z.object({
  name: z.string(),
  records: recordMapSchema,
  history: historySchema.nullable(),
  /** What a damaged project could not bring back; empty when it opened whole. */
  lost: z.array(lostPartSchema),
});

/** Project files end in `.infill`; anything else dropped or picked is opened as a photo. */
export function isProjectFileName(name: string): boolean {
  return /\.infill$/i.test(name);
}

/** `photo.jpg` → `photo.infill`; a name that already is a project keeps its name. */
export function projectFileName(name: string): string {
  const base = name.replace(/\.[^.]+$/, '').replace(/[\\/:*?"<>|]/g, '_').trim() || 'untitled';
  return `${base}.infill`;
}

export const recentProjectSchema = z.object({ id: z.string().regex(/^[a-f0-9]{16}$/), name: z.string(), at: z.string() });
export type RecentProjectInfo = z.infer<typeof recentProjectSchema>;
