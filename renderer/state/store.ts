import { create } from 'zustand';
import { createDocumentSlice, type DocumentSlice } from './document-slice.ts';
import { createJobSlice, type JobSlice } from './job-slice.ts';
import { createUiSlice, type UiSlice } from './ui-slice.ts';

/** One store from typed slices (zustand's slices pattern). */
export type AppState = DocumentSlice & UiSlice & JobSlice;

export const useAppStore = create<AppState>()((...args) => ({
  ...createDocumentSlice(...args),
  ...createUiSlice(...args),
  ...createJobSlice(...args),
}));
