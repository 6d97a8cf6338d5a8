import type { StateCreator } from 'zustand';
import type { MaskTarget } from '../../shared/document/records.ts';
import type { ErrorInfo } from '../../shared/errors.ts';
import type { AppState } from './app-state.ts';

/** Select object's view of the photo's analysis (the model's image embedding, made in main). */
export type ObjectAnalysis =
  | { status: 'idle' }
  | { status: 'analysing' }
  | { status: 'ready'; embeddingId: string }
  | { status: 'failed'; error: ErrorInfo };

export interface SelectionSlice {
  /** Which mask the selection tools edit. */
  selectionTarget: MaskTarget;
  /** Select object grows what the model finds by this much when it commits (halos, shadows). */
  objectGrowPx: number;
  /** The amount Grow, Shrink and Feather use. */
  maskAdjustPx: number;
  analysis: ObjectAnalysis;
  /** Grow, Shrink or Feather waiting for its amount (the live preview shows meanwhile). */
  maskAdjust: MaskAdjustKind | undefined;
  setSelectionTarget(target: MaskTarget): void;
  setObjectGrowPx(px: number): void;
  setMaskAdjustPx(px: number): void;
  setAnalysis(analysis: ObjectAnalysis): void;
  setMaskAdjust(kind: MaskAdjustKind | undefined): void;
}

export type MaskAdjustKind = 'grow' | 'shrink' | 'feather';

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
