import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { applyJournalEntry, createDocumentState, type JournalEntry } from '../../shared/document/journal.ts';
import type { RecordMap } from '../../shared/document/records.ts';
import { addMaskOp } from '../state/document-ops.ts';
import { documentState } from '../state/document-slice.ts';
import { useAppStore } from '../state/store.ts';
import { autosave } from './session-autosave.ts';

const photo: RecordMap = {
  document: { typeName: 'document', id: 'document', name: 'photo.png', canvas: { x: 0, y: 0, width: 10, height: 10 }, order: ['layer-1'] },
  'layer-1': { typeName: 'layer', id: 'layer-1', kind: 'image', name: 'photo.png', assetId: 'a'.repeat(32), x: 0, y: 0, width: 10, height: 10, visible: true, opacity: 1 },
};
const stroke = (n: number) => ({ kind: 'stroke' as const, mode: 'paint' as const, size: 4, hardness: 1, points: [n, n, n + 1, n + 1] });

/** Main, as the autosave sees it: a replica that takes what arrives, and a disk that can be full. */
const main = { replica: createDocumentState(), full: false, calls: 0 };
const saveSession = vi.fn(async ({ entries }: { entries: JournalEntry[] }) => {
  main.calls += 1;
  if (main.full) return { ok: false as const, error: { code: 'DISK_FULL' as const, message: 'The disk is full' } };
  for (const entry of structuredClone(entries)) applyJournalEntry(main.replica, entry);
  return { ok: true as const, data: { savedAt: new Date().toISOString() } };
});

beforeAll(() => {
  vi.stubGlobal('window', { infill: { saveSession }, addEventListener: () => {}, removeEventListener: () => {} });
});
afterEach(() => vi.useRealTimers());

describe('the autosave', () => {
  it('sends each change as it is made, and after a failed save sends the whole document so main is whole again', async () => {
    vi.useFakeTimers();
    const store = useAppStore.getState();
    store.replaceDocument(photo);
    applyJournalEntry(main.replica, { type: 'replace', records: photo });
    const stop = autosave({ inSync: true });

    store.commit('Paint mask', (r) => addMaskOp(r, stroke(1), 'mask-1'));
    await vi.advanceTimersByTimeAsync(0);
    expect(saveSession).toHaveBeenLastCalledWith({ entries: [expect.objectContaining({ type: 'commit', label: 'Paint mask' })] });

    main.full = true;
    store.commit('Paint mask', (r) => addMaskOp(r, stroke(2), 'mask-2'));
    await vi.advanceTimersByTimeAsync(0);
    expect(useAppStore.getState().notice?.message).toMatchObject({ key: 'common:notice.autosaveFailed', error: { code: 'DISK_FULL' } });
    // While the disk stays full, it tries again now and then, not in a tight loop.
    const callsWhileFull = main.calls;
    await vi.advanceTimersByTimeAsync(1000);
    expect(main.calls - callsWhileFull).toBeLessThanOrEqual(1);

    main.full = false;
    await vi.advanceTimersByTimeAsync(6000);
    expect(saveSession).toHaveBeenLastCalledWith({ entries: [expect.objectContaining({ type: 'replace' })] });
    expect(useAppStore.getState().notice).toBeUndefined();
    expect(main.replica.records).toEqual(documentState.records);
    expect(main.replica.history.toSnapshot()).toEqual(documentState.history.toSnapshot());

    // And back to sending single changes.
    store.undo();
    await vi.advanceTimersByTimeAsync(0);
    expect(saveSession).toHaveBeenLastCalledWith({ entries: [{ type: 'undo' }] });
    expect(main.replica.records).toEqual(documentState.records);
    stop();
  });

  it('never sends an empty document over the saved one', async () => {
    saveSession.mockClear();
    useAppStore.getState().replaceDocument({});
    const stop = autosave({ inSync: false });
    useAppStore.getState().commit('Nothing', (r) => r);
    stop(); // sends what waits, as when the page closes
    await Promise.resolve();
    expect(saveSession).not.toHaveBeenCalled();
  });
});
