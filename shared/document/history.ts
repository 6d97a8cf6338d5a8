import { isEmptyDiff, reverseDiff, squashDiffs, type RecordsDiff } from './records-diff.ts';

/**
 * Undo/redo as a stack of reversible diffs with gestures, after tldraw's HistoryManager: a
 * gesture (a drag of the opacity slider, say) squashes every diff it records into one entry,
 * and a cancelled gesture is undone as if it never happened. Entries hold asset ids, never
 * pixels, and the stack is bounded by count and by an estimate of its size in bytes.
 */
export interface HistoryEntry<R extends { id: string }> {
  label: string;
  diff: RecordsDiff<R>;
  bytes: number;
}

export interface HistoryLimits {
  maxEntries: number;
  maxBytes: number;
}

export const defaultHistoryLimits: HistoryLimits = { maxEntries: 500, maxBytes: 32 * 1024 * 1024 };

interface OpenGesture<R extends { id: string }> {
  label: string;
  diff: RecordsDiff<R>;
}

export class History<R extends { id: string }> {
  private undos: HistoryEntry<R>[] = [];
  private redos: HistoryEntry<R>[] = [];
  private gesture: OpenGesture<R> | null = null;
  private readonly limits: HistoryLimits;

  constructor(limits: Partial<HistoryLimits> = {}) {
    this.limits = { ...defaultHistoryLimits, ...limits };
  }

  /** Records an undoable change that has already been applied. */
  record(diff: RecordsDiff<R>, label: string): void {
    if (isEmptyDiff(diff)) return;
    if (this.gesture) {
      this.gesture.diff = squashDiffs(this.gesture.diff, diff);
      return;
    }
    this.push({ label, diff, bytes: estimateBytes(diff) });
  }

  startGesture(label: string): void {
    this.endGesture();
    this.gesture = { label, diff: { added: {}, updated: {}, removed: {} } };
  }

  /** Closes the open gesture into one undo entry. */
  endGesture(): void {
    const gesture = this.gesture;
    this.gesture = null;
    if (gesture && !isEmptyDiff(gesture.diff)) this.record(gesture.diff, gesture.label);
  }

  /** Drops the open gesture and returns the diff that reverts what it changed. */
  cancelGesture(): RecordsDiff<R> | null {
    const gesture = this.gesture;
    this.gesture = null;
    return gesture && !isEmptyDiff(gesture.diff) ? reverseDiff(gesture.diff) : null;
  }

  get inGesture(): boolean {
    return this.gesture !== null;
  }

  /** Returns the diff to apply to undo the last entry, or null when there is nothing to undo. */
  undo(): RecordsDiff<R> | null {
    this.endGesture();
    const entry = this.undos.pop();
    if (!entry) return null;
    this.redos.push(entry);
    return reverseDiff(entry.diff);
  }

  redo(): RecordsDiff<R> | null {
    this.endGesture();
    const entry = this.redos.pop();
    if (!entry) return null;
    this.undos.push(entry);
    return entry.diff;
  }

  canUndo(): boolean {
    return this.undos.length > 0 || (this.gesture !== null && !isEmptyDiff(this.gesture.diff));
  }

  canRedo(): boolean {
    return this.redos.length > 0;
  }

  undoLabel(): string | undefined {
    return this.undos.at(-1)?.label;
  }

  redoLabel(): string | undefined {
    return this.redos.at(-1)?.label;
  }

  /** Every diff still reachable by undo or redo, for collecting the assets they reference. */
  *diffs(): Iterable<RecordsDiff<R>> {
    for (const entry of this.undos) yield entry.diff;
    for (const entry of this.redos) yield entry.diff;
    if (this.gesture) yield this.gesture.diff;
  }

  stats(): { entries: number; bytes: number } {
    let bytes = 0;
    for (const entry of this.undos) bytes += entry.bytes;
    for (const entry of this.redos) bytes += entry.bytes;
    return { entries: this.undos.length + this.redos.length, bytes };
  }

  clear(): void {
    this.undos = [];
    this.redos = [];
    this.gesture = null;
  }

  private push(entry: HistoryEntry<R>): void {
    this.undos.push(entry);
    this.redos = [];
    let bytes = this.undos.reduce((sum, e) => sum + e.bytes, 0);
    // The oldest entries go first; at least the newest one always stays undoable.
    while (this.undos.length > 1 && (this.undos.length > this.limits.maxEntries || bytes > this.limits.maxBytes)) {
      const dropped = this.undos.shift();
      bytes -= dropped?.bytes ?? 0;
    }
  }
}

/** Diffs hold only small JSON records (ids, numbers, stroke points), so their JSON size is a fair measure. */
function estimateBytes(diff: RecordsDiff<{ id: string }>): number {
  return JSON.stringify(diff).length * 2;
}
