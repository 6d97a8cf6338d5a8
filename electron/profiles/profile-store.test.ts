import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultGatewayLimits } from '../../shared/contract/schemas.ts';
import { createProfileStore, profileIdFor } from './profile-store.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'infill-profiles-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const draft = { name: 'My Relay', baseUrl: 'https://relay.example.com/v1/', protocol: 'openai-images' as const, model: 'gpt-image-1' };

describe('profile store', () => {
  it('saves, normalizes the base URL, updates by id and survives a restart', async () => {
    const store = await createProfileStore({ dataDir: dir });
    const { profile, warning } = await store.save(draft);
    expect(warning).toBeUndefined();
    expect(profile).toEqual({
      id: 'my-relay',
      name: 'My Relay',
      baseUrl: 'https://relay.example.com/v1',
      protocol: 'openai-images',
      model: 'gpt-image-1',
      persistInsecurely: false,
      limits: defaultGatewayLimits,
    });
    await store.save({ ...draft, id: 'my-relay', model: 'gpt-image-2' });
    const second = await store.save(draft);
    expect(second.profile.id).toBe('my-relay-2');
    const reopened = await createProfileStore({ dataDir: dir });
    expect(reopened.list().map((p) => [p.id, p.model])).toEqual([
      ['my-relay', 'gpt-image-2'],
      ['my-relay-2', 'gpt-image-1'],
    ]);
    // Atomic writes leave no temp files behind.
    expect((await readdir(dir)).sort()).toEqual(['profiles.json']);
    expect(await readFile(join(dir, 'profiles.json'), 'utf8')).not.toMatch(/key/i);
  });

  it('refuses plain http to a remote host and suggests https; allows http on loopback', async () => {
    const store = await createProfileStore({ dataDir: dir });
    await expect(store.save({ ...draft, baseUrl: 'http://relay.example.com/v1' })).rejects.toThrow(/https:\/\/relay\.example\.com\/v1/);
    const local = await store.save({ ...draft, name: 'Local', baseUrl: 'http://localhost:4000/v1' });
    expect(local.profile.baseUrl).toBe('http://localhost:4000/v1');
  });

  it('catches a missing /v1 with the fix, and an endpoint URL pasted as base', async () => {
    const store = await createProfileStore({ dataDir: dir });
    const { warning } = await store.save({ ...draft, baseUrl: 'https://relay.example.com' });
    expect(warning).toEqual({ kind: 'noVersion', suggestion: 'https://relay.example.com/v1' });
    await expect(store.save({ ...draft, baseUrl: 'https://relay.example.com/v1/images/edits' })).rejects.toThrow(/Did you mean https:\/\/relay\.example\.com\/v1\?/);
  });

  it('deletes, tells listeners, and keeps a damaged file aside instead of failing to start', async () => {
    const store = await createProfileStore({ dataDir: dir });
    let changes = 0;
    store.onChange(() => changes++);
    const { profile } = await store.save(draft);
    expect(await store.remove(profile.id)).toBe(true);
    expect(await store.remove(profile.id)).toBe(false);
    expect(changes).toBe(2);
    await writeFile(join(dir, 'profiles.json'), '{"version":1,"profiles":[{"id":');
    const recovered = await createProfileStore({ dataDir: dir });
    expect(recovered.list()).toEqual([]);
    expect(await readFile(join(dir, 'profiles.json.damaged'), 'utf8')).toContain('"profiles"');
  });

  it('makes ids from names', () => {
    expect(profileIdFor('OpenRouter (CN) ', new Set())).toBe('openrouter-cn');
    expect(profileIdFor('!!!', new Set(['gateway']))).toBe('gateway-2');
  });
});
