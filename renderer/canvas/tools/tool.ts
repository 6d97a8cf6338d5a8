import type { RefObject } from 'react';
import type Konva from 'konva';
import type { MaskOperation, MaskTarget, ShapeMode } from '../../../shared/document/records.ts';
import { addMaskOp, newId } from '../../state/document-ops.ts';
import type { useAppStore } from '../../state/store.ts';
import type { MaskPainter } from '../mask-painter.ts';
import type { PreviewBuffer } from '../preview-buffer.ts';

/** A pointer event in document pixels, with the modifiers the tools read. */
export interface ToolPointer {
  x: number;
  y: number;
  pointerId: number;
  shift: boolean;
  alt: boolean;
  /** Clicks in a row (2 on a double-click). */
  detail: number;
}

/**
 * A canvas tool as a small state machine. The input hook routes pointer events to the active
 * tool and keeps only what every tool shares (pan, zoom, Space). `down` returns true when the
 * tool takes the pointer (the hook captures it); `key` returns true when it used the key.
 */
export interface CanvasTool {
  down(pointer: ToolPointer): boolean;
  move(pointer: ToolPointer, samples: readonly { x: number; y: number }[]): void;
  up(pointer: ToolPointer): void;
  /** Drops the work in progress (Esc, a tool change, a lost pointer). */
  cancel(): void;
  key?(event: KeyboardEvent): boolean;
  /** The tool was chosen (Select object starts analysing the photo). */
  activate?(): void;
}

export interface ToolContext {
  store: typeof useAppStore;
  painters: Record<MaskTarget, MaskPainter>;
  preview: PreviewBuffer;
  redrawMask(): void;
  extendPreview: RefObject<Konva.Rect | null>;
}

/** Shift adds to the mask, Alt takes away, neither replaces it (as selections do in Photoshop). */
export function modeFor(pointer: { shift: boolean; alt: boolean }): ShapeMode {
  if (pointer.shift) return 'add';
  if (pointer.alt) return 'subtract';
  return 'replace';
}

/** Which mask the selection tools edit: the fill mask, or the exclusion when that is chosen. */
export function selectionTarget(context: ToolContext): MaskTarget {
  return context.store.getState().selectionTarget;
}

/** Commits one mask record as one undoable step. */
export function commitMaskOp(context: ToolContext, op: MaskOperation, target: MaskTarget, label: string): void {
  context.store.getState().commit(label, (records) => addMaskOp(records, op, newId('mask'), target));
}
