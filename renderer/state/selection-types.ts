import type { MaskTarget } from '../../shared/document/records.ts';
import type { ErrorInfo } from '../../shared/errors.ts';

// The selection slice's shape, apart from its code so app-state.ts can name it without a cycle.

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
