import { History, type HistoryLimits, type HistoryMode, type HistorySnapshot } from './history.ts';
import type { InfillRecord, RecordMap } from './records.ts';
import { applyDiff, type RecordsDiff } from './records-diff.ts';

/**
 * Every change to the document and its history as a small, replayable entry. The renderer's
 * document slice changes the document only by applying entries, and the autosave appends the
 * same entries to a log on disk; replaying the log over the last snapshot gives back the same
 * records and the same undo/redo stacks, because both sides run this one function.
 */
export type JournalEntry =
  /** An edit. It starts a new undo step at `markId`, unless it continues `within`, the newest mark. */
  | { type: 'commit'; label: string; diff: RecordsDiff<InfillRecord>; mode: HistoryMode; markId: string; within?: string }
  | { type: 'mark'; id: string }
  | { type: 'bail'; id: string }
  | { type: 'squash'; id: string; label?: string }
  | { type: 'undo' }
  | { type: 'redo' }
  /** A new document (an opened photo, a restored session), with its history or an empty one. */
  | { type: 'replace'; records: RecordMap; history?: HistorySnapshot<InfillRecord> };

export interface DocumentState {
  records: RecordMap;
  readonly history: History<InfillRecord>;
}

export function createDocumentState(limits: Partial<HistoryLimits> = {}): DocumentState {
  return { records: {}, history: new History<InfillRecord>(limits) };
}

/** Applies one entry to the records and the history (both change in place on `state`). */
export function applyJournalEntry(state: DocumentState, entry: JournalEntry): void {
  const { history } = state;
  const apply = (diff: RecordsDiff<InfillRecord> | null) => {
    if (diff) state.records = applyDiff(state.records, diff);
  };
  switch (entry.type) {
    case 'commit':
      if (entry.mode === 'record' && !(entry.within !== undefined && history.isNewestMark(entry.within))) history.mark(entry.markId);
      history.record(entry.diff, entry.label, entry.mode);
      apply(entry.diff);
      return;
    case 'mark':
      history.mark(entry.id);
      return;
    case 'bail':
      apply(history.bailToMark(entry.id));
      return;
    case 'squash':
      history.squashToMark(entry.id, entry.label);
      return;
    case 'undo':
      apply(history.undo());
      return;
    case 'redo':
      apply(history.redo());
      return;
    case 'replace':
      history.load(entry.history);
      state.records = entry.records;
      return;
  }
}
