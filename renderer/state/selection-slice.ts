import type { StateCreator } from 'zustand';
import type { AppState } from './app-state.ts';
import type { SelectionSlice } from './selection-types.ts';

export type { MaskAdjustKind, ObjectAnalysis, SelectionSlice } from './selection-types.ts';

export const MAX_ADJUST_PX = 200;

const clampPx = (px: number) => Math.round(Math.min(MAX_ADJUST_PX, Math.max(0, Number.isFinite(px) ? px : 0)));

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set) => ({
  selectionTarget: 'fill',
  objectGrowPx: 6,
  maskAdjustPx: 8,
  analysis: { status: 'idle' },
  maskAdjust: undefined,
  setSelectionTarget: (selectionTarget) => set({ selectionTarget }),
  setObjectGrowPx: (px) => set({ objectGrowPx: clampPx(px) }),
  setMaskAdjustPx: (px) => set({ maskAdjustPx: Math.max(1, clampPx(px)) }),
  setAnalysis: (analysis) => set({ analysis }),
  setMaskAdjust: (maskAdjust) => set({ maskAdjust }),
});
