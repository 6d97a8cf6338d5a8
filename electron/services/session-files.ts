import { z } from 'zod';
import { HISTORY_SNAPSHOT_VERSION, type HistorySnapshot } from '../../shared/document/history.ts';
import { parseHistorySnapshot } from '../../shared/document/history-snapshot.ts';
import { journalEntrySchema } from '../../shared/document/journal-schema.ts';
import type { JournalEntry } from '../../shared/document/journal.ts';
import { recordMapSchema, recordSchema } from '../../shared/document/record-schemas.ts';
import { getDocument, type InfillRecord, type RecordMap } from '../../shared/document/records.ts';

/**
 * The autosave's files, one JSON value per line, so that a file cut short or garbled in one
 * place still gives back everything before (and around) the damage:
 *
 * - `snapshot-<generation>.jsonl`: a header, one line per record, one line with the undo/redo
 *   history, and an end line counting the records. Written whole, atomically.
 * - `journal-<generation>.jsonl`: the changes made since that snapshot, one entry per line,
 *   appended as they happen. A last line without its newline is a write cut short by a crash.
 */
export const SESSION_FORMAT = 'infill-session';
export const SESSION_VERSION = 2;

export interface SessionState {
  records: RecordMap;
  history: HistorySnapshot<InfillRecord>;
  savedAt: string;
}

const headerSchema = z.object({ format: z.literal(SESSION_FORMAT), version: z.number().int(), generation: z.number().int().min(0), savedAt: z.string().max(64) });
const endSchema = z.object({ end: z.object({ records: z.number().int().min(0) }) });

export function emptyHistory(): HistorySnapshot<InfillRecord> {
  return { version: HISTORY_SNAPSHOT_VERSION, undos: [], redos: [] };
}

export function formatSnapshot(state: SessionState, generation: number): string {
  const lines = [JSON.stringify({ format: SESSION_FORMAT, version: SESSION_VERSION, generation, savedAt: state.savedAt })];
  const records = Object.values(state.records);
  for (const record of records) lines.push(JSON.stringify({ record }));
  lines.push(JSON.stringify({ history: state.history }));
  lines.push(JSON.stringify({ end: { records: records.length } }));
  return `${lines.join('\n')}\n`;
}

export type ParsedSnapshot =
  | { kind: 'complete'; state: SessionState }
  /** Some of it could be read: the records that were whole, and the history if it was. */
  | { kind: 'partial'; state: SessionState }
  | { kind: 'newer' }
  | { kind: 'unreadable' };

export function parseSnapshot(text: string): ParsedSnapshot {
  const lines = text.split('\n');
  const header = headerSchema.safeParse(parseJson(lines[0] ?? ''));
  if (!header.success) return { kind: 'unreadable' };
  if (header.data.version > SESSION_VERSION) return { kind: 'newer' };
  const records: Record<string, InfillRecord> = {};
  let history: HistorySnapshot<InfillRecord> | undefined;
  let expectedRecords: number | undefined;
  let damaged = false;
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    const value = parseJson(line) as { record?: unknown; history?: unknown } | undefined;
    if (value && 'record' in value) {
      const record = recordSchema.safeParse(value.record);
      if (record.success) records[record.data.id] = record.data;
      else damaged = true;
    } else if (value && 'history' in value) {
      const parsed = parseHistorySnapshot(value.history, recordSchema);
      if (parsed.ok) history = parsed.snapshot;
      else damaged = true;
    } else {
      const end = endSchema.safeParse(value);
      if (end.success) expectedRecords = end.data.end.records;
      else damaged = true;
    }
  }
  const state = { records, history: history ?? emptyHistory(), savedAt: header.data.savedAt };
  const complete = !damaged && history !== undefined && expectedRecords === Object.keys(records).length;
  if (complete) return { kind: 'complete', state };
  return getDocument(records) ? { kind: 'partial', state } : { kind: 'unreadable' };
}

export function formatJournalLine(entry: JournalEntry, at: string): string {
  return `${JSON.stringify({ at, entry })}\n`;
}

const journalLineSchema = z.object({ at: z.string().max(64), entry: journalEntrySchema });

/**
 * The entries of a journal, in order, up to the first line that is not one. A last line cut
 * short (no newline: the process died while writing it) is expected after a crash and is not
 * damage; anything else unreadable is, and the entries after it are not trusted.
 */
export function parseJournal(text: string): { entries: Array<{ at: string; entry: JournalEntry }>; damaged: boolean; torn: boolean } {
  const lines = text.split('\n');
  // '' after the last newline, or a line cut short (then the next append must not continue it).
  const torn = lines.pop() !== '';
  const entries: Array<{ at: string; entry: JournalEntry }> = [];
  for (const line of lines) {
    const parsed = journalLineSchema.safeParse(parseJson(line));
    if (!parsed.success) return { entries, damaged: true, torn };
    entries.push(parsed.data as { at: string; entry: JournalEntry });
  }
  return { entries, damaged: false, torn };
}

/** The version 1 autosave (`session.json`: records only, no history), still read after an update. */
export function parseLegacySession(text: string): SessionState | undefined {
  const legacy = z.object({ savedAt: z.string().max(64), records: recordMapSchema }).safeParse(parseJson(text));
  if (!legacy.success || !getDocument(legacy.data.records)) return undefined;
  return { records: legacy.data.records, history: emptyHistory(), savedAt: legacy.data.savedAt };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
