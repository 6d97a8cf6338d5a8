import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKeyStore, type SafeStorageLike } from './key-store.ts';

const KEY = 'sk-live-SECRET-0123456789-wxyz';

/** A stand-in for Electron's safeStorage that really transforms the bytes and counts its use. */
function fakeSafeStorage(backend = 'gnome_libsecret', available = true) {
  const calls = { encrypt: 0, decrypt: 0 };
  const storage: SafeStorageLike & { calls: typeof calls } = {
    calls,
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString(text) {
      calls.encrypt++;
      return Buffer.from(`enc:${Buffer.from(text).reverse().toString('hex')}`);
    },
    decryptString(buffer) {
      calls.decrypt++;
      const hex = buffer.toString().replace(/^enc:/, '');
      return Buffer.from(hex, 'hex').reverse().toString();
    },
  };
  return storage;
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'infill-keys-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function fileText(): Promise<string> {
  return readFile(join(dir, 'keys.json'), 'utf8').catch(() => '');
}

describe('key store', () => {
  it('encrypts with safeStorage, keeps the key across restarts, and shows only the last four characters', async () => {
    const safeStorage = fakeSafeStorage();
    const keys = await createKeyStore({ dataDir: dir, safeStorage });
    const status = await keys.set('openai', KEY, { persistInsecurely: false });
    expect(status).toEqual({ state: 'stored', hint: 'wxyz', label: 'configured ••••wxyz' });
    expect(safeStorage.calls.encrypt).toBe(1);
    const text = await fileText();
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(Buffer.from(KEY).toString('base64'));
    expect(JSON.stringify(keys.status('openai'))).not.toContain(KEY.slice(0, -4));

    const reopened = await createKeyStore({ dataDir: dir, safeStorage });
    expect(await reopened.get('openai')).toBe(KEY);
    expect(safeStorage.calls.decrypt).toBe(1);
    expect(reopened.status('openai').state).toBe('stored');
  });

  it('without a real keychain (basic_text) keeps the key for this session only', async () => {
    const safeStorage = fakeSafeStorage('basic_text');
    const keys = await createKeyStore({ dataDir: dir, safeStorage });
    expect(keys.storage()).toMatchObject({ secure: false, backend: 'basic_text' });
    expect(keys.storage().warning).toMatch(/session only/);
    const status = await keys.set('relay', KEY, { persistInsecurely: false });
    expect(status.state).toBe('session');
    expect(status.label).toBe('configured ••••wxyz (this session only)');
    expect(await keys.get('relay')).toBe(KEY);
    expect(await fileText()).toBe('');
    const restarted = await createKeyStore({ dataDir: dir, safeStorage });
    expect(await restarted.get('relay')).toBeUndefined();
    expect(restarted.status('relay').state).toBe('none');
  });

  it('persists without real encryption only when the person opts in, and says so', async () => {
    const safeStorage = fakeSafeStorage('basic_text');
    const keys = await createKeyStore({ dataDir: dir, safeStorage });
    const status = await keys.set('relay', KEY, { persistInsecurely: true });
    expect(status).toMatchObject({ state: 'stored-insecure', label: 'configured ••••wxyz (saved without encryption)' });
    // basic_text still goes through safeStorage: obfuscated, not readable at a glance.
    expect(safeStorage.calls.encrypt).toBe(1);
    expect(await fileText()).not.toContain(KEY);
    expect(await (await createKeyStore({ dataDir: dir, safeStorage })).get('relay')).toBe(KEY);
  });

  it('in the browser bridge (no safeStorage) is session-only, opt-in persistence works, and the file never holds the key in clear', async () => {
    const keys = await createKeyStore({ dataDir: dir });
    expect(keys.storage()).toMatchObject({ secure: false, backend: 'none' });
    expect((await keys.set('a', KEY, { persistInsecurely: false })).state).toBe('session');
    expect((await keys.set('b', KEY, { persistInsecurely: true })).state).toBe('stored-insecure');
    expect(await fileText()).not.toContain(KEY);
    const restarted = await createKeyStore({ dataDir: dir });
    expect(await restarted.get('a')).toBeUndefined();
    expect(await restarted.get('b')).toBe(KEY);
  });

  it('INFILL_API_KEY serves every profile without a key of its own', async () => {
    const keys = await createKeyStore({ dataDir: dir, safeStorage: fakeSafeStorage(), environmentKey: 'sk-env-key-9876543210' });
    expect(keys.status('any')).toEqual({ state: 'environment', hint: '3210', label: 'from environment (INFILL_API_KEY)' });
    expect(await keys.get('any')).toBe('sk-env-key-9876543210');
    await keys.set('own', KEY, { persistInsecurely: false });
    expect(await keys.get('own')).toBe(KEY);
    await keys.remove('own');
    expect(await keys.get('own')).toBe('sk-env-key-9876543210');
  });

  it('refuses keys with spaces and never echoes the key in the error', async () => {
    const keys = await createKeyStore({ dataDir: dir, safeStorage: fakeSafeStorage() });
    const error = await keys.set('x', `${KEY} extra`, { persistInsecurely: false }).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).not.toContain(KEY);
  });

  it('an unreadable key (keychain changed) is treated as missing, not as a crash', async () => {
    const keys = await createKeyStore({ dataDir: dir, safeStorage: fakeSafeStorage() });
    await keys.set('p', KEY, { persistInsecurely: false });
    const broken = fakeSafeStorage();
    broken.decryptString = () => {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    };
    const reopened = await createKeyStore({ dataDir: dir, safeStorage: broken });
    expect(await reopened.get('p')).toBeUndefined();
  });

  it('a stored key that no longer decrypts says so in its status instead of "configured"', async () => {
    const keys = await createKeyStore({ dataDir: dir, safeStorage: fakeSafeStorage() });
    await keys.set('p', KEY, { persistInsecurely: false });
    const broken = fakeSafeStorage();
    broken.decryptString = () => {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    };
    const reopened = await createKeyStore({ dataDir: dir, safeStorage: broken, environmentKey: 'sk-env-0123456789-abcd' });
    const status = reopened.status('p');
    expect(status.state).toBe('unreadable');
    expect(status.label).not.toMatch(/^configured/);
    expect(status.label).toMatch(/enter it again/);
    const good = fakeSafeStorage();
    const fine = await createKeyStore({ dataDir: dir, safeStorage: good });
    expect(fine.status('p')).toMatchObject({ state: 'stored', label: 'configured ••••wxyz' });
    expect(await fine.get('p')).toBe(KEY);
  });
});
