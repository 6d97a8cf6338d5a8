import { create } from 'zustand';
import type { AppState } from './app-state.ts';
import { createDocumentSlice } from './document-slice.ts';
import { createGatewaySlice } from './gateway-slice.ts';
import { createJobSlice } from './job-slice.ts';
import { createSelectionSlice } from './selection-slice.ts';
import { createUiSlice } from './ui-slice.ts';

export type { AppState } from './app-state.ts';

/** One store from typed slices (zustand's slices pattern). */

export const useAppStore = create<AppState>()((...args) => ({
  ...createDocumentSlice(...args),
  ...createUiSlice(...args),
  ...createJobSlice(...args),
  ...createGatewaySlice(...args),
  ...createSelectionSlice(...args),
}));
