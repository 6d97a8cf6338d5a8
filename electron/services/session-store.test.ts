import * as fs from 'node:fs/promises';
import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { History } from '../../shared/document/history.ts';
import type { JournalEntry } from '../../shared/document/journal.ts';
import type { InfillRecord, RecordMap } from '../../shared/document/records.ts';
import { createAssetStore } from './asset-store.ts';
import { createSessionStore, sessionAssetIds, type SessionFs } from './session-store.ts';
import { tempDir } from './test-photos.ts';

const photoAsset = 'a'.repeat(32);
const layerAsset = 'b'.repeat(32);
const photo: RecordMap = {
  document: { typeName: 'document', id: 'document', name: 'photo.jpg', canvas: { x: 0, y: 0, width: 10, height: 10 }, order: ['layer-1'] },
  'layer-1': { typeName: 'layer', id: 'layer-1', kind: 'image', name: 'photo.jpg', assetId: photoAsset, x: 0, y: 0, width: 10, height: 10, visible: true, opacity: 1 },
};
const generated: InfillRecord = { ...(photo['layer-1'] as Extract<InfillRecord, { typeName: 'layer' }>), id: 'layer-2', kind: 'generated', name: 'fill', assetId: layerAsset };

const opened: JournalEntry = { type: 'replace', records: photo };
function stroke(n: number): JournalEntry {
  const record: InfillRecord = { typeName: 'mask-op', id: `mask-${n}`, seq: n, op: { kind: 'stroke', mode: 'paint', size: 4, hardness: 1, points: [n, n, n + 5, n + 5] } };
  return { type: 'commit', label: 'Paint mask', diff: { added: { [record.id]: record }, updated: {}, removed: {} }, mode: 'record', markId: `m-${n}` };
}
const addGenerated: JournalEntry = {
  type: 'commit',
  label: 'Add layer',
  diff: {
    added: { 'layer-2': generated },
    updated: { document: [photo.document!, { ...(photo.document as Extract<InfillRecord, { typeName: 'document' }>), order: ['layer-1', 'layer-2'] }] },
    removed: {},
  },
  mode: 'record',
  markId: 'm-layer',
};

async function sessionDir(dir: string): Promise<string[]> {
  const generation = (name: string) => Number(/-(\d+)\./.exec(name)?.[1] ?? 0);
  return (await readdir(join(dir, 'session'))).sort((a, b) => generation(a) - generation(b) || a.localeCompare(b));
}

async function newestJournal(dir: string): Promise<string> {
  return join(dir, 'session', (await sessionDir(dir)).filter((name) => name.startsWith('journal-')).at(-1)!);
}

describe('session store', () => {
  it('round-trips the document and its undo/redo history', async () => {
    const dir = await tempDir();
    const store = createSessionStore(dir);
    expect(await store.load()).toEqual({ session: null });
    await store.save([opened]);
    await store.save([stroke(1)]);
    await store.save([addGenerated, stroke(2), { type: 'undo' }]);
    const loaded = await createSessionStore(dir).load();
    expect(loaded.recovery).toBeUndefined();
    expect(Object.keys(loaded.session!.records).sort()).toEqual(['document', 'layer-1', 'layer-2', 'mask-1']);
    const history = History.fromSnapshot(loaded.session!.history);
    expect(history.undoLabel()).toBe('Add layer');
    expect(history.redoLabel()).toBe('Paint mask');
    // The generated layer's pixels are kept through the start-up tidy-up: Undo and Redo need them.
    expect(await sessionAssetIds(dir)).toEqual(new Set([photoAsset, layerAsset]));
  });

  it('has each edit in the log on disk by the time the save answers', async () => {
    const dir = await tempDir();
    const store = createSessionStore(dir);
    await store.save([opened]);
    await store.save([stroke(7)]);
    expect(await readFile(await newestJournal(dir), 'utf8')).toContain('"mask-7"');
  });

  it('folds the log into snapshots and keeps the last three to fall back on', async () => {
    const dir = await tempDir();
    const store = createSessionStore(dir, { foldAfterEntries: 3 });
    await store.save([opened]);
    for (let n = 1; n <= 20; n++) await store.save([stroke(n)]);
    const names = await sessionDir(dir);
    expect(names.filter((name) => name.startsWith('snapshot-'))).toHaveLength(3);
    const loaded = await createSessionStore(dir).load();
    expect(Object.keys(loaded.session!.records).filter((id) => id.startsWith('mask-'))).toHaveLength(20);
  });

  it('falls back from a damaged newest snapshot to the one before plus the logs since, keeps the damaged file, and says so', async () => {
    const dir = await tempDir();
    const store = createSessionStore(dir, { foldAfterEntries: 3 });
    await store.save([opened]);
    for (let n = 1; n <= 10; n++) await store.save([stroke(n)]);
    const expected = (await createSessionStore(dir).load()).session!;
    const snapshots = (await sessionDir(dir)).filter((name) => name.startsWith('snapshot-'));
    const newest = join(dir, 'session', snapshots.at(-1)!);
    const text = await readFile(newest, 'utf8');
    await writeFile(newest, text.slice(0, text.length / 2) + 'garbage\u0000{{{');

    const loaded = await createSessionStore(dir).load();
    expect(loaded.recovery).toMatchObject({ kind: 'older' });
    expect(loaded.session!.records).toEqual(expected.records);
    expect(loaded.session!.history).toEqual(expected.history);
    expect((await sessionDir(dir)).some((name) => name.startsWith(`${snapshots.at(-1)}.damaged-`))).toBe(true);
    // A fresh snapshot is written at once, so the next start is clean.
    expect((await createSessionStore(dir).load()).recovery).toBeUndefined();
  });

  it('rebuilds from the log that opened the document when the only snapshot is damaged', async () => {
    const dir = await tempDir();
    const store = createSessionStore(dir);
    await store.save([opened]);
    await store.save([stroke(1)]);
    const [snapshot] = (await sessionDir(dir)).filter((name) => name.startsWith('snapshot-'));
    await writeFile(join(dir, 'session', snapshot!), '\u0000\u0000garbage');
    const loaded = await createSessionStore(dir).load();
    expect(loaded.recovery).toMatchObject({ kind: 'older' });
    expect(Object.keys(loaded.session!.records).sort()).toEqual(['document', 'layer-1', 'mask-1']);
    expect(History.fromSnapshot(loaded.session!.history).undoLabel()).toBe('Paint mask');
  });

  it('salvages what it can from a truncated snapshot when nothing older is left, and says part was lost', async () => {
    const dir = await tempDir();
    const store = createSessionStore(dir);
    await store.save([{ type: 'replace', records: { ...photo, 'mask-1': (stroke(1) as Extract<JournalEntry, { type: 'commit' }>).diff.added['mask-1']! } }]);
    const names = await sessionDir(dir);
    // The log that opened the document is long gone (pruned after later snapshots).
    for (const name of names.filter((n) => n.startsWith('journal-'))) await fs.rm(join(dir, 'session', name));
    const path = join(dir, 'session', names.find((name) => name.startsWith('snapshot-'))!);
    const lines = (await readFile(path, 'utf8')).split('\n');
    // Cut inside the last record line: the header and the first records survive.
    await writeFile(path, lines.slice(0, 3).join('\n') + '\n' + lines[3]!.slice(0, 10));
    const loaded = await createSessionStore(dir).load();
    expect(loaded.recovery).toMatchObject({ kind: 'partial' });
    expect(Object.keys(loaded.session!.records).sort()).toEqual(['document', 'layer-1']);
  });

  it('drops a last log line cut short by a crash without calling it damage, but reports a garbled line', async () => {
    const dir = await tempDir();
    const store = createSessionStore(dir);
    await store.save([opened]);
    await store.save([stroke(1)]);
    await store.save([stroke(2)]);
    const journal = await newestJournal(dir);
    const text = await readFile(journal, 'utf8');
    await writeFile(journal, text.slice(0, -20));
    const restarted = createSessionStore(dir);
    const torn = await restarted.load();
    expect(torn.recovery).toBeUndefined();
    expect(torn.session!.records['mask-1']).toBeDefined();
    expect(torn.session!.records['mask-2']).toBeUndefined();
    // Work goes on after the restart, and a later start reads it all: nothing is appended to the cut line.
    await restarted.save([stroke(3)]);
    const later = await createSessionStore(dir).load();
    expect(later.recovery).toBeUndefined();
    expect(Object.keys(later.session!.records).filter((id) => id.startsWith('mask-')).sort()).toEqual(['mask-1', 'mask-3']);

    const dir2 = await tempDir();
    const store2 = createSessionStore(dir2);
    await store2.save([opened]);
    for (let n = 1; n <= 3; n++) await store2.save([stroke(n)]);
    const journal2 = await newestJournal(dir2);
    const lines = (await readFile(journal2, 'utf8')).split('\n');
    lines[1] = '{"at":"x","entry":{"type":"teleport"}}';
    await writeFile(journal2, lines.join('\n'));
    const garbled = await createSessionStore(dir2).load();
    expect(garbled.recovery).toMatchObject({ kind: 'partial' });
    expect(garbled.session!.records['mask-1']).toBeDefined();
    expect(garbled.session!.records['mask-3']).toBeUndefined();
  });

  it('on a full disk keeps the files as they were, answers DISK_FULL, and saves everything once there is room', async () => {
    const dir = await tempDir();
    let full = false;
    const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const fullDisk: SessionFs = {
      ...fs,
      writeFile: (async (...args: Parameters<typeof fs.writeFile>) => {
        if (full) throw enospc();
        return fs.writeFile(...args);
      }) as typeof fs.writeFile,
      open: (async (...args: Parameters<typeof fs.open>) => {
        const handle = await fs.open(...args);
        if (!full) return handle;
        // Half a line gets out before the disk fills up.
        return Object.assign(Object.create(handle) as fs.FileHandle, {
          appendFile: async (data: string) => {
            await handle.appendFile(data.slice(0, data.length / 2));
            throw enospc();
          },
          close: () => handle.close(),
        });
      }) as typeof fs.open,
    };
    const store = createSessionStore(dir, { fs: fullDisk, foldAfterEntries: 1000 });
    await store.save([opened]);
    await store.save([stroke(1)]);
    const before = new Map<string, string>();
    for (const name of await sessionDir(dir)) before.set(name, await readFile(join(dir, 'session', name), 'utf8'));

    full = true;
    await expect(store.save([stroke(2)])).rejects.toMatchObject({ code: 'DISK_FULL' });
    // The next save tries a whole snapshot, which the full disk refuses too.
    await expect(store.save([stroke(3)])).rejects.toMatchObject({ code: 'DISK_FULL' });
    const after = new Map<string, string>();
    for (const name of await sessionDir(dir)) after.set(name, await readFile(join(dir, 'session', name), 'utf8'));
    expect(after).toEqual(before);
    expect(Object.keys((await createSessionStore(dir).load()).session!.records)).toContain('mask-1');

    // A reload of the page meanwhile gets main's copy, with what the disk refused.
    expect(Object.keys((await store.load()).session!.records)).toContain('mask-3');

    full = false;
    await store.save([stroke(4)]);
    const loaded = await createSessionStore(dir).load();
    expect(Object.keys(loaded.session!.records).filter((id) => id.startsWith('mask-')).sort()).toEqual(['mask-1', 'mask-2', 'mask-3', 'mask-4']);
  });

  it('reads the version 1 autosave (records only) and carries it over', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'session.json'), JSON.stringify({ version: 1, savedAt: '2026-01-01T00:00:00.000Z', records: photo }));
    expect(await sessionAssetIds(dir)).toEqual(new Set([photoAsset]));
    const loaded = await createSessionStore(dir).load();
    expect(loaded.session?.records).toEqual(photo);
    expect(loaded.session?.history.undos).toEqual([]);
    expect((await readdir(dir)).includes('session.json')).toBe(false);
    expect((await createSessionStore(dir).load()).session?.records).toEqual(photo);
  });

  it('sets an unreadable autosave aside and says so', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'session.json'), JSON.stringify({ savedAt: 'now', records: { x: { typeName: 'layer', id: 'y' } } }));
    const loaded = await createSessionStore(dir).load();
    expect(loaded).toEqual({ session: null, recovery: { kind: 'unreadable' } });
    expect((await readdir(dir)).some((name) => name.startsWith('session.json.damaged-'))).toBe(true);
  });

  it('keeps the session’s assets through the start-up tidy-up, however old', async () => {
    const dir = await tempDir();
    const assetsDir = join(dir, 'assets');
    const first = await createAssetStore({ dir: assetsDir });
    const kept = await first.put(new Uint8Array([1, 2, 3]), { width: 1, height: 1, mime: 'image/png' });
    const dropped = await first.put(new Uint8Array([4, 5, 6]), { width: 1, height: 1, mime: 'image/png' });
    const old = new Date(Date.now() - 3 * 24 * 3600_000);
    for (const name of await readdir(assetsDir)) await utimes(join(assetsDir, name), old, old);
    const second = await createAssetStore({ dir: assetsDir, keepOnDisk: new Set([kept.assetId]) });
    expect((await second.read(kept.assetId)).bytes).toEqual(new Uint8Array([1, 2, 3]));
    await expect(second.read(dropped.assetId)).rejects.toThrow(/no longer available/);
  });
});
