import { readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RecordMap } from '../../shared/document/records.ts';
import { createAssetStore } from './asset-store.ts';
import { createSessionStore, sessionAssetIds } from './session-store.ts';
import { tempDir } from './test-photos.ts';

const assetId = 'a'.repeat(32);
const records: RecordMap = {
  document: { typeName: 'document', id: 'document', name: 'photo.jpg', canvas: { x: 0, y: 0, width: 10, height: 10 }, order: ['layer-1'] },
  'layer-1': {
    typeName: 'layer',
    id: 'layer-1',
    kind: 'image',
    name: 'photo.jpg',
    assetId,
    x: 0,
    y: 0,
    width: 10,
    height: 10,
    visible: true,
    opacity: 1,
  },
  'mask-1': { typeName: 'mask-op', id: 'mask-1', seq: 1, op: { kind: 'stroke', mode: 'paint', size: 4, hardness: 1, points: [1, 1, 5, 5] } },
};

describe('session store', () => {
  it('round-trips the document', async () => {
    const dir = await tempDir();
    const store = createSessionStore(dir);
    expect(await store.load()).toEqual({ session: null });
    await store.save(records);
    const loaded = await store.load();
    expect(loaded.session?.records).toEqual(records);
    expect(await sessionAssetIds(dir)).toEqual(new Set([assetId]));
  });

  it('sets a damaged file aside and says so', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'session.json'), '{"version":1,"savedAt":"x","records":{"document":{"typeName":"layer"');
    const loaded = await createSessionStore(dir).load();
    expect(loaded.session).toBeNull();
    expect(loaded.problem).toMatch(/could not be read and was kept as/);
    expect((await readdir(dir)).some((name) => name.startsWith('session.json.damaged-'))).toBe(true);
  });

  it('refuses records that do not match the document model', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'session.json'), JSON.stringify({ savedAt: 'now', records: { x: { typeName: 'layer', id: 'y' } } }));
    expect((await createSessionStore(dir).load()).session).toBeNull();
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
