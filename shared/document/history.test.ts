import { describe, expect, it } from 'vitest';
import { History } from './history.ts';
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
    const change = (next: Record<string, Rec>, label = 'edit') => {
      history.record(diffRecords(state, next), label);
      state = next;
    };
    const undo = () => {
      const d = history.undo();
      if (d) state = applyDiff(state, d);
    };
    const redo = () => {
      const d = history.redo();
      if (d) state = applyDiff(state, d);
    };
    return { history, change, undo, redo, get state() { return state; } };
  }

  it('undoes and redoes in order', () => {
    const s = session();
    s.change({ a: rec('a', 1) });
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

  it('a gesture becomes one entry, and a cancelled gesture reverts', () => {
    const s = session();
    s.change({ a: rec('a', 0) });
    s.history.startGesture('drag');
    for (let i = 1; i <= 10; i++) s.change({ a: rec('a', i) });
    s.history.endGesture();
    s.undo();
    expect(s.state).toEqual({ a: rec('a', 0) });

    s.history.startGesture('drag');
    s.change({ a: rec('a', 7) });
    const revert = s.history.cancelGesture();
    expect(revert).not.toBeNull();
    expect(applyDiff(s.state, revert!)).toEqual({ a: rec('a', 0) });
  });

  it('stays bounded by entries and bytes', () => {
    const history = new History<Rec>({ maxEntries: 5, maxBytes: 1_000_000 });
    let state: Record<string, Rec> = {};
    for (let i = 0; i < 100; i++) {
      const next = { a: rec('a', i) };
      history.record(diffRecords(state, next), 'edit');
      state = next;
    }
    expect(history.stats().entries).toBe(5);

    const small = new History<Rec>({ maxEntries: 1000, maxBytes: 2000 });
    state = {};
    for (let i = 0; i < 100; i++) {
      const next = { a: rec('a', i) };
      small.record(diffRecords(state, next), 'edit');
      state = next;
    }
    expect(small.stats().bytes).toBeLessThanOrEqual(2000);
    expect(small.canUndo()).toBe(true);
  });
});
