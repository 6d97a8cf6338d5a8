import type { StateCreator } from 'zustand';
import { getDocument } from '../../shared/document/records.ts';
import type { AppState, ProjectSlice } from './app-state.ts';

export const createProjectSlice: StateCreator<AppState, [], [], ProjectSlice> = (set) => ({
  projectName: undefined,
  savedRecords: undefined,
  unsavedQuestion: undefined,
  markSaved: (projectName, savedRecords) => set({ projectName, savedRecords }),
  setUnsavedQuestion: (unsavedQuestion) => set({ unsavedQuestion }),
});

/** Whether there is work that closing or replacing the document would lose (the autosave aside). */
export function hasUnsavedChanges(state: Pick<AppState, 'records' | 'savedRecords'>): boolean {
  return getDocument(state.records) !== undefined && state.records !== state.savedRecords;
}
