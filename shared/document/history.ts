import { emptyDiff, isEmptyDiff, reverseDiff, squashDiffs, type RecordsDiff } from './records-diff.ts';

/**
 * Undo/redo as stacks of reversible diffs separated by id'd marks, after tldraw's
 * HistoryManager. A mark is a stopping point: Undo reverts every diff recorded since the last
 * one. A gesture (a slider drag) marks where it began, records as it goes, and then either
 * squashes everything since its mark into one diff or bails back to it as if nothing happened.
 * Nothing stays "open": a gesture whose end was missed cannot swallow a later edit, because
 * every edit starts at its own mark unless it names a mark that is still the newest one.
 *
 * Entries hold asset ids, never pixels; the undo stack is bounded by steps and by an estimate
 * of its size in bytes, dropping the oldest steps first.
 */
export type HistoryEntry<R extends { id: string }> =
  | { type: 'diff'; label: string; diff: RecordsDiff<R>; bytes: number }
  | { type: 'stop'; id: string };

/** Whether a change is undoable (Excalidraw's CaptureUpdateAction): 'ignore' changes nothing in the history. */
export type HistoryMode = 'record' | 'ignore';

export interface HistoryLimits {
  /** Undo steps (runs of diffs between marks). */
  maxEntries: number;
  maxBytes: number;
}

export const defaultHistoryLimits: HistoryLimits = { maxEntries: 500, maxBytes: 32 * 1024 * 1024 };

/** Raise it when the snapshot's shape changes, with a migration in history-snapshot.ts. */
export const HISTORY_SNAPSHOT_VERSION = 1;

export type SnapshotEntry<R extends { id: string }> = { type: 'diff'; label: string; diff: RecordsDiff<R> } | { type: 'stop'; id: string };

/** What a history holds, as plain data (stacks bottom first) that can be written to disk and read back (history-snapshot.ts). */
export interface HistorySnapshot<R extends { id: string }> {
  version: typeof HISTORY_SNAPSHOT_VERSION;
  undos: SnapshotEntry<R>[];
  redos: SnapshotEntry<R>[];
}

let markCounter = 0;

/** A mark id unique in this process, for marks whose id must be known before they are made (a journal entry names it). */
export function newMarkId(): string {
  markCounter += 1;
  return `mark-${Date.now().toString(36)}-${markCounter.toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

export class History<R extends { id: string }> {
  private undos: HistoryEntry<R>[] = [];
  private redos: HistoryEntry<R>[] = [];
  private readonly limits: HistoryLimits;

  constructor(limits: Partial<HistoryLimits> = {}) {
    this.limits = { ...defaultHistoryLimits, ...limits };
  }

  /** Adds a stopping point and returns its id (made up when not given). */
  mark(id = newMarkId()): string {
    this.undos.push({ type: 'stop', id });
    return id;
  }

  /** True when `id` is the newest mark, so that recording now would join its step. */
  isNewestMark(id: string): boolean {
    for (let i = this.undos.length - 1; i >= 0; i--) {
      const entry = this.undos[i]!;
      if (entry.type === 'stop') return entry.id === id;
    }
    return false;
  }

  /**
   * Records a change that has already been applied. It joins the step begun at the newest
   * mark; 'ignore' leaves the history as it is (the change cannot be undone).
   */
  record(diff: RecordsDiff<R>, label: string, mode: HistoryMode = 'record'): void {
    if (mode === 'ignore' || isEmptyDiff(diff)) return;
    this.redos = [];
    const top = this.undos.at(-1);
    if (top?.type === 'diff') {
      top.diff = squashDiffs(top.diff, diff);
      top.bytes = estimateBytes(top.diff);
    } else {
      this.undos.push({ type: 'diff', label, diff, bytes: estimateBytes(diff) });
    }
    this.trim();
  }

  /** Reverts the newest step and returns the diff to apply, or null when there is nothing to undo. */
  undo(): RecordsDiff<R> | null {
    return this.unwind({ toMark: undefined, keepForRedo: true });
  }

  /** Reverts everything since the mark `id`, removing it too, without anything to redo; null when the mark is gone. */
  bailToMark(id: string): RecordsDiff<R> | null {
    return this.unwind({ toMark: id, keepForRedo: false });
  }

  /** Collapses every diff recorded since the mark `id` into one, so a gesture is one step however it was recorded. */
  squashToMark(id: string, label?: string): void {
    const at = this.markIndex(id);
    if (at < 0) return;
    const since = this.undos.slice(at + 1).filter((entry) => entry.type === 'diff');
    if (since.length === 0) return;
    let diff = emptyDiff<R>();
    for (const entry of since) diff = squashDiffs(diff, entry.diff);
    this.undos.length = at + 1;
    if (!isEmptyDiff(diff)) this.undos.push({ type: 'diff', label: label ?? since[0]!.label, diff, bytes: estimateBytes(diff) });
  }

  redo(): RecordsDiff<R> | null {
    // Marks made after the last recorded step (nothing since) are passed over, as in tldraw.
    while (this.redos.at(-1)?.type === 'stop') this.undos.push(this.redos.pop()!);
    let diff: RecordsDiff<R> | null = null;
    for (let entry = this.redos.pop(); entry; entry = this.redos.pop()) {
      this.undos.push(entry);
      if (entry.type === 'stop') break;
      diff = squashDiffs(diff ?? emptyDiff<R>(), entry.diff);
    }
    return diff;
  }

  canUndo(): boolean {
    return this.undos.some((entry) => entry.type === 'diff');
  }

  canRedo(): boolean {
    return this.redos.some((entry) => entry.type === 'diff');
  }

  undoLabel(): string | undefined {
    return newestLabel(this.undos);
  }

  redoLabel(): string | undefined {
    return newestLabel(this.redos);
  }

  /** Every diff still reachable by undo or redo, for collecting the assets they reference. */
  *diffs(): Iterable<RecordsDiff<R>> {
    for (const entry of [...this.undos, ...this.redos]) if (entry.type === 'diff') yield entry.diff;
  }

  stats(): { entries: number; bytes: number } {
    let entries = 0;
    let bytes = 0;
    for (const entry of [...this.undos, ...this.redos]) {
      if (entry.type !== 'diff') continue;
      entries += 1;
      bytes += entry.bytes;
    }
    return { entries, bytes };
  }

  toSnapshot(): HistorySnapshot<R> {
    const plain = (entry: HistoryEntry<R>): SnapshotEntry<R> =>
      entry.type === 'diff' ? { type: 'diff', label: entry.label, diff: entry.diff } : { type: 'stop', id: entry.id };
    return { version: HISTORY_SNAPSHOT_VERSION, undos: this.undos.map(plain), redos: this.redos.map(plain) };
  }

  /** A history holding a snapshot already validated (and migrated) by parseHistorySnapshot, bounded like any other. */
  static fromSnapshot<R extends { id: string }>(snapshot: HistorySnapshot<R>, limits: Partial<HistoryLimits> = {}): History<R> {
    const history = new History<R>(limits);
    history.load(snapshot);
    return history;
  }

  /** Replaces everything this history holds with `snapshot` (validated already), or empties it. */
  load(snapshot: HistorySnapshot<R> | undefined): void {
    const withBytes = (entry: SnapshotEntry<R>): HistoryEntry<R> =>
      entry.type === 'diff' ? { ...entry, bytes: estimateBytes(entry.diff) } : { ...entry };
    this.undos = snapshot?.undos.map(withBytes) ?? [];
    this.redos = snapshot?.redos.map(withBytes) ?? [];
    this.trim();
  }

  private unwind({ toMark, keepForRedo }: { toMark: string | undefined; keepForRedo: boolean }): RecordsDiff<R> | null {
    if (toMark !== undefined && this.markIndex(toMark) < 0) return null;
    const moved: HistoryEntry<R>[] = [];
    let diff = emptyDiff<R>();
    let undidSomething = false;
    for (let entry = this.undos.pop(); entry; entry = this.undos.pop()) {
      moved.push(entry);
      if (entry.type === 'diff') {
        diff = squashDiffs(diff, reverseDiff(entry.diff));
        undidSomething = true;
      } else if (toMark === undefined ? undidSomething : entry.id === toMark) {
        break;
      }
    }
    if (keepForRedo) this.redos.push(...moved);
    return undidSomething ? diff : null;
  }

  private markIndex(id: string): number {
    for (let i = this.undos.length - 1; i >= 0; i--) {
      const entry = this.undos[i]!;
      if (entry.type === 'stop' && entry.id === id) return i;
    }
    return -1;
  }

  /** Drops the oldest steps while over the limits; the newest step always stays undoable. */
  private trim(): void {
    let steps = 0;
    let bytes = 0;
    for (const entry of this.undos) {
      if (entry.type !== 'diff') continue;
      steps += 1;
      bytes += entry.bytes;
    }
    while (steps > 1 && (steps > this.limits.maxEntries || bytes > this.limits.maxBytes)) {
      // The oldest step runs from the bottom to the first mark after its first diff.
      const firstDiff = this.undos.findIndex((entry) => entry.type === 'diff');
      let end = firstDiff;
      while (end < this.undos.length && this.undos[end]!.type === 'diff') {
        const entry = this.undos[end]! as Extract<HistoryEntry<R>, { type: 'diff' }>;
        bytes -= entry.bytes;
        steps -= 1;
        end += 1;
      }
      this.undos.splice(0, end);
    }
  }
}

function newestLabel<R extends { id: string }>(entries: HistoryEntry<R>[]): string | undefined {
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i]!;
    if (entry.type === 'diff') return entry.label;
  }
  return undefined;
}

/** Diffs hold only small JSON records (ids, numbers, stroke points), so their JSON size is a fair measure. */
function estimateBytes(diff: RecordsDiff<{ id: string }>): number {
  return JSON.stringify(diff).length * 2;
}
