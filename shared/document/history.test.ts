import { describe, expect, it } from 'vitest';
import { History, type HistoryMode } from './history.ts';
import { applyDiff, diffRecords, reverseDiff, squashDiffs } from './records-diff.ts';

type Rec = { id: string; value: number };
const rec = (id: string, value: number): Rec => ({ id, value });

describe('records diff', () => {
  it('round-trips through apply and reverse', () => {
    const before = { a: rec('a', 1), b: rec('b', 2) };
    const after = { a: rec('a', 5), c: rec('c', 3) };
    const diff = diffRecords(before, after);
    expect(applyDiff(before, diff)).toEqual(after);
    expect(applyDiff(after, reverseDiff(diff))).toEqual(before);
  });

  it('squashes add-then-update-then-remove into nothing', () => {
    const a1 = rec('a', 1);
    const a2 = rec('a', 2);
    const add = { added: { a: a1 }, updated: {}, removed: {} };
    const update = { added: {}, updated: { a: [a1, a2] as [Rec, Rec] }, removed: {} };
    const remove = { added: {}, updated: {}, removed: { a: a2 } };
    expect(squashDiffs(squashDiffs(add, update), remove)).toEqual({ added: {}, updated: {}, removed: {} });
  });

  it('squashes two updates keeping the first origin', () => {
    const [a1, a2, a3] = [rec('a', 1), rec('a', 2), rec('a', 3)];
    const squashed = squashDiffs(
      { added: {}, updated: { a: [a1, a2] }, removed: {} },
      { added: {}, updated: { a: [a2, a3] }, removed: {} },
    );
    expect(squashed.updated.a).toEqual([a1, a3]);
  });
});

describe('History', () => {
  function session() {
    let state: Record<string, Rec> = {};
    const history = new History<Rec>();
    const change = (next: Record<string, Rec>, label = 'edit', mode: HistoryMode = 'record') => {
      history.record(diffRecords(state, next), label, mode);
      state = next;
    };
    const bail = (id: string) => {
      const d = history.bailToMark(id);
      if (d) state = applyDiff(state, d);
    };
    const undo = () => {
      const d = history.undo();
      if (d) state = applyDiff(state, d);
    };
    const redo = () => {
      const d = history.redo();
      if (d) state = applyDiff(state, d);
    };
    return { history, change, undo, redo, bail, get state() { return state; } };
  }

  it('undoes and redoes in order', () => {
    const s = session();
    s.history.mark();
    s.change({ a: rec('a', 1) });
    s.history.mark();
    s.change({ a: rec('a', 2) });
    s.undo();
    expect(s.state).toEqual({ a: rec('a', 1) });
    s.undo();
    expect(s.state).toEqual({});
    expect(s.history.canUndo()).toBe(false);
    s.redo();
    s.redo();
    expect(s.state).toEqual({ a: rec('a', 2) });
  });

  it('a new edit clears the redo stack', () => {
    const s = session();
    s.change({ a: rec('a', 1) });
    s.undo();
    s.change({ b: rec('b', 1) });
    expect(s.history.canRedo()).toBe(false);
  });

  it('undoes back to the newest mark: each marked edit is one step', () => {
    const s = session();
    s.history.mark('one');
    s.change({ a: rec('a', 1) });
    s.change({ a: rec('a', 2) });
    s.history.mark('two');
    s.change({ a: rec('a', 3) });
    expect(s.history.undoLabel()).toBe('edit');
    s.undo();
    expect(s.state).toEqual({ a: rec('a', 2) });
    s.undo();
    expect(s.state).toEqual({});
    s.redo();
    expect(s.state).toEqual({ a: rec('a', 2) });
    s.redo();
    expect(s.state).toEqual({ a: rec('a', 3) });
  });

  it('passes over marks with nothing recorded after them', () => {
    const s = session();
    s.history.mark('one');
    s.change({ a: rec('a', 1) });
    s.history.mark('empty');
    s.history.mark('empty too');
    s.undo();
    expect(s.state).toEqual({});
    expect(s.history.canUndo()).toBe(false);
    s.redo();
    expect(s.state).toEqual({ a: rec('a', 1) });
  });

  it('bails to a mark: everything since is reverted and cannot be redone', () => {
    const s = session();
    s.history.mark('before');
    s.change({ a: rec('a', 0) });
    const drag = s.history.mark('drag');
    for (let i = 1; i <= 10; i++) s.change({ a: rec('a', i) });
    s.history.mark('inner');
    s.change({ a: rec('a', 11) });
    s.bail(drag);
    expect(s.state).toEqual({ a: rec('a', 0) });
    expect(s.history.canRedo()).toBe(false);
    expect(s.history.isNewestMark('before')).toBe(true);
    // A mark that is gone changes nothing.
    expect(s.history.bailToMark('drag')).toBeNull();
    s.undo();
    expect(s.state).toEqual({});
  });

  it('squashes to a mark: a gesture with inner marks becomes one step', () => {
    const s = session();
    s.history.mark('before');
    s.change({ a: rec('a', 0) });
    const drag = s.history.mark('drag');
    s.change({ a: rec('a', 1) }, 'Move');
    s.history.mark('inner');
    s.change({ a: rec('a', 2) }, 'Move');
    s.history.squashToMark(drag);
    expect(s.history.stats().entries).toBe(2);
    s.undo();
    expect(s.state).toEqual({ a: rec('a', 0) });
    s.redo();
    expect(s.state).toEqual({ a: rec('a', 2) });
  });

  it('a mark left behind (a missed pointerup) is no longer the newest once another edit marks its own step', () => {
    const s = session();
    const drag = s.history.mark('opacity');
    s.change({ a: rec('a', 1) }, 'Change opacity');
    // No squash, no bail: the gesture's end was never seen. The next edit starts its own step.
    s.history.mark('stroke');
    s.change({ a: rec('a', 1), b: rec('b', 1) }, 'Paint mask');
    expect(s.history.isNewestMark(drag)).toBe(false);
    expect(s.history.undoLabel()).toBe('Paint mask');
    s.undo();
    expect(s.state).toEqual({ a: rec('a', 1) });
  });

  it('ignores changes made with "ignore", and they do not clear the redo stack', () => {
    const s = session();
    s.history.mark('one');
    s.change({ a: rec('a', 1) });
    s.undo();
    s.change({ b: rec('b', 1) }, 'selection', 'ignore');
    expect(s.history.canRedo()).toBe(true);
    expect(s.history.canUndo()).toBe(false);
  });

  it('stays bounded by entries and bytes', () => {
    const history = new History<Rec>({ maxEntries: 5, maxBytes: 1_000_000 });
    let state: Record<string, Rec> = {};
    for (let i = 0; i < 100; i++) {
      const next = { a: rec('a', i) };
      history.mark();
      history.record(diffRecords(state, next), 'edit');
      state = next;
    }
    expect(history.stats().entries).toBe(5);

    const small = new History<Rec>({ maxEntries: 1000, maxBytes: 2000 });
    state = {};
    for (let i = 0; i < 100; i++) {
      const next = { a: rec('a', i) };
      small.mark();
      small.record(diffRecords(state, next), 'edit');
      state = next;
    }
    expect(small.stats().bytes).toBeLessThanOrEqual(2000);
    expect(small.canUndo()).toBe(true);
  });
});
