import type { StateCreator } from 'zustand';
import { newMarkId } from '../../shared/document/history.ts';
import { applyJournalEntry, createDocumentState, type JournalEntry } from '../../shared/document/journal.ts';
import type { InfillRecord } from '../../shared/document/records.ts';
import { diffRecords, isEmptyDiff } from '../../shared/document/records-diff.ts';
import type { AppState, DocumentSlice } from './app-state.ts';

/**
 * The document and its history live beside the store, not in it: history entries are diffs,
 * never rendered state. The store holds the current records (what React draws) and the flags
 * menus need. Every change goes through one journal entry, which listeners (the autosave) see
 * in order, after it was applied.
 */
export const documentState = createDocumentState();

type JournalListener = (entry: JournalEntry) => void;
const journalListeners = new Set<JournalListener>();

export function onJournalEntry(listener: JournalListener): () => void {
  journalListeners.add(listener);
  return () => journalListeners.delete(listener);
}

export const createDocumentSlice: StateCreator<AppState, [], [], DocumentSlice> = (set) => {
  const run = (entry: JournalEntry) => {
    applyJournalEntry(documentState, entry);
    const { history } = documentState;
    set({
      records: documentState.records,
      canUndo: history.canUndo(),
      canRedo: history.canRedo(),
      undoLabel: history.undoLabel(),
      redoLabel: history.redoLabel(),
    });
    for (const listener of journalListeners) listener(entry);
  };

  return {
    records: {},
    canUndo: false,
    canRedo: false,
    undoLabel: undefined,
    redoLabel: undefined,

    commit(label, edit, options = {}) {
      const before = documentState.records;
      const after = edit(before);
      if (after === before) return;
      const diff = diffRecords<InfillRecord>(before, after);
      if (isEmptyDiff(diff)) return;
      const within = options.within !== undefined ? { within: options.within } : {};
      run({ type: 'commit', label, diff, mode: options.history ?? 'record', markId: newMarkId(), ...within });
    },

    replaceDocument(records, history) {
      run({ type: 'replace', records, ...(history ? { history } : {}) });
    },

    undo() {
      if (documentState.history.canUndo()) run({ type: 'undo' });
    },

    redo() {
      if (documentState.history.canRedo()) run({ type: 'redo' });
    },

    mark() {
      const id = newMarkId();
      run({ type: 'mark', id });
      return id;
    },

    bailToMark(id) {
      run({ type: 'bail', id });
    },

    squashToMark(id, label) {
      run({ type: 'squash', id, ...(label !== undefined ? { label } : {}) });
    },
  };
};
