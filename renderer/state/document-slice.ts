import type { StateCreator } from 'zustand';
import { History } from '../../shared/document/history.ts';
import type { InfillRecord } from '../../shared/document/records.ts';
import { applyDiff, diffRecords } from '../../shared/document/records-diff.ts';
import type { AppState, DocumentSlice } from './app-state.ts';

/** The history lives beside the store, not in it: its entries are diffs, never rendered state. */
export const documentHistory = new History<InfillRecord>();

export const createDocumentSlice: StateCreator<AppState, [], [], DocumentSlice> = (set, get) => {
  const historyFlags = () => ({
    canUndo: documentHistory.canUndo(),
    canRedo: documentHistory.canRedo(),
    undoLabel: documentHistory.undoLabel(),
    redoLabel: documentHistory.redoLabel(),
  });

  return {
    records: {},
    canUndo: false,
    canRedo: false,
    undoLabel: undefined,
    redoLabel: undefined,

    commit(label, edit) {
      const before = get().records;
      const after = edit(before);
      if (after === before) return;
      documentHistory.record(diffRecords<InfillRecord>(before, after), label);
      set({ records: after, ...historyFlags() });
    },

    replaceDocument(records) {
      documentHistory.clear();
      set({ records, ...historyFlags() });
    },

    undo() {
      const diff = documentHistory.undo();
      if (diff) set({ records: applyDiff(get().records, diff) });
      set(historyFlags());
    },

    redo() {
      const diff = documentHistory.redo();
      if (diff) set({ records: applyDiff(get().records, diff) });
      set(historyFlags());
    },

    startGesture(label) {
      documentHistory.startGesture(label);
    },

    endGesture() {
      documentHistory.endGesture();
      set(historyFlags());
    },

    cancelGesture() {
      const revert = documentHistory.cancelGesture();
      if (revert) set({ records: applyDiff(get().records, revert) });
      set(historyFlags());
    },
  };
};
