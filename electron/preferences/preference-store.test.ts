import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPreferenceStore } from './preference-store.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'infill-prefs-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('preference store', () => {
  it('follows the system until a language is chosen, and keeps the choice across restarts', async () => {
    const store = await createPreferenceStore({ dataDir: dir });
    expect(store.get()).toEqual({ language: null });
    const seen: unknown[] = [];
    store.onChange((p) => seen.push(p));
    await store.save({ language: 'vi' });
    expect(seen).toEqual([{ language: 'vi' }]);
    expect((await createPreferenceStore({ dataDir: dir })).get()).toEqual({ language: 'vi' });
  });

  it('reads a damaged or foreign file as the defaults', async () => {
    await writeFile(join(dir, 'preferences.json'), '{"version":1,"preferences":{"language":"fr"}}');
    expect((await createPreferenceStore({ dataDir: dir })).get()).toEqual({ language: null });
    await writeFile(join(dir, 'preferences.json'), '{not json');
    expect((await createPreferenceStore({ dataDir: dir })).get()).toEqual({ language: null });
  });
});
