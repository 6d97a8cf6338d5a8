import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { History } from './history.ts';
import { historyMigrations, parseHistorySnapshot } from './history-snapshot.ts';
import { applyDiff, diffRecords } from './records-diff.ts';

type Rec = { id: string; value: number };
const recSchema = z.object({ id: z.string(), value: z.number() }).strict();
const rec = (id: string, value: number): Rec => ({ id, value });

/** Three marked steps, the last one undone: something on both stacks. */
function editedHistory() {
  const history = new History<Rec>();
  let state: Record<string, Rec> = {};
  for (let i = 1; i <= 3; i++) {
    const next = { ...state, [`r${i}`]: rec(`r${i}`, i) };
    history.mark(`m${i}`);
    history.record(diffRecords(state, next), `Add ${i}`);
    state = next;
  }
  state = applyDiff(state, history.undo()!);
  return { history, state };
}

describe('history snapshots', () => {
  it('survive JSON and behave the same after loading: undo, redo, labels, marks', () => {
    const { history, state } = editedHistory();
    const parsed = parseHistorySnapshot(JSON.parse(JSON.stringify(history.toSnapshot())), recSchema);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const loaded = History.fromSnapshot(parsed.snapshot);
    expect(loaded.undoLabel()).toBe('Add 2');
    expect(loaded.redoLabel()).toBe('Add 3');
    expect(loaded.isNewestMark('m2')).toBe(true);
    let restored = applyDiff(state, loaded.redo()!);
    expect(Object.keys(restored).sort()).toEqual(['r1', 'r2', 'r3']);
    restored = applyDiff(restored, loaded.undo()!);
    restored = applyDiff(restored, loaded.undo()!);
    restored = applyDiff(restored, loaded.undo()!);
    expect(restored).toEqual({});
  });

  it('are bounded on load like any history', () => {
    const { history } = editedHistory();
    const parsed = parseHistorySnapshot(history.toSnapshot(), recSchema);
    if (!parsed.ok) throw new Error(parsed.detail);
    expect(History.fromSnapshot(parsed.snapshot, { maxEntries: 1 }).stats().entries).toBe(2); // one undo step + the redo
  });

  it('refuse entries that do not match the record schema', () => {
    const snapshot = editedHistory().history.toSnapshot() as unknown as { undos: Array<Record<string, unknown>> };
    snapshot.undos[1] = { type: 'diff', label: 'x', diff: { added: { a: { id: 'a', value: 'not a number' } }, updated: {}, removed: {} } };
    const parsed = parseHistorySnapshot(snapshot, recSchema);
    expect(parsed).toMatchObject({ ok: false, reason: 'invalid' });
    expect(parseHistorySnapshot('garbage', recSchema)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(parseHistorySnapshot({ version: 1, undos: [{ type: 'teleport' }], redos: [] }, recSchema).ok).toBe(false);
  });

  it('from a newer Infill are refused as newer, not as garbage', () => {
    const snapshot = { ...editedHistory().history.toSnapshot(), version: 99 };
    expect(parseHistorySnapshot(snapshot, recSchema)).toMatchObject({ ok: false, reason: 'newer' });
  });

  it('from an older version go through the migrations in order', () => {
    // A pretend version 2: the hook turns version 1 into it before the schema checks it.
    const v1 = editedHistory().history.toSnapshot();
    const migrations = {
      1: (old: Record<string, unknown>) => ({ ...old, migratedFrom: 1 }),
    };
    const v2Record = recSchema;
    const parsed = parseHistorySnapshot(v1, v2Record, { migrations, currentVersion: 2 });
    // The strict schema refuses the unknown field the migration added: the migration ran.
    expect(parsed).toMatchObject({ ok: false, reason: 'invalid' });
    const dropping = { 1: (old: Record<string, unknown>) => ({ ...old }) };
    const ok = parseHistorySnapshot(v1, v2Record, { migrations: dropping, currentVersion: 2 });
    expect(ok.ok && ok.snapshot.version).toBe(2);
    expect(parseHistorySnapshot(v1, v2Record, { migrations: {}, currentVersion: 2 })).toMatchObject({ ok: false, detail: /No migration from history version 1/ });
    expect(historyMigrations).toEqual({});
  });
});
