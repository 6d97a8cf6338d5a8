import { join } from 'node:path';
import { z } from 'zod';
import { InfillError } from '../../shared/errors.ts';
import type { KeyStatus, KeyStorageInfo } from '../../shared/contract/schemas.ts';
import { protectInLogs } from '../log/log.ts';
import { readTextIfExists, serialized, writeFileAtomic } from '../storage/atomic-file.ts';

/**
 * API keys per gateway profile, after Bruno's key store: the key arrives once from the renderer,
 * is encrypted with Electron's safeStorage and written to the data folder, and never leaves
 * main again — callers outside main only ever get a `KeyStatus` ("configured ••••abcd").
 *
 * Where safeStorage has no real backend (Linux `basic_text` uses a hard-coded password; the
 * browser bridge has no safeStorage at all) the key stays in memory for this session unless the
 * person explicitly opts in to keeping it on disk without real encryption.
 */

/** The part of Electron's `safeStorage` we use; main.ts passes the real one, tests a fake. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  /** Linux only: 'basic_text' means "encrypted" with a well-known password. */
  getSelectedStorageBackend?(): string;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export interface KeyStore {
  /** Whether keys can be kept on disk safely, for the settings dialog's warning. */
  storage(): KeyStorageInfo;
  /** Stores a key for a profile; with no secure backend it is session-only unless `persistInsecurely`. */
  set(profileId: string, apiKey: string, options: { persistInsecurely: boolean }): Promise<KeyStatus>;
  /** The key to send for a profile: its own, else INFILL_API_KEY. Main-only; never put this in an output. */
  get(profileId: string): Promise<string | undefined>;
  status(profileId: string): KeyStatus;
  remove(profileId: string): Promise<void>;
}

const storedKeySchema = z.object({
  /** 'safe-storage': safeStorage ciphertext; 'plain': base64 of the key itself (opt-in only). */
  format: z.enum(['safe-storage', 'plain']),
  data: z.string(),
  hint: z.string().max(8),
  secure: z.boolean(),
});
const keyFileSchema = z.object({ version: z.literal(1), keys: z.record(z.string(), storedKeySchema) });
type StoredKey = z.infer<typeof storedKeySchema>;

export const MAX_KEY_LENGTH = 4096;

/** The last four characters, the most any output may show of a key. */
export function keyHint(apiKey: string): string {
  return apiKey.length >= 12 ? apiKey.slice(-4) : '';
}

function masked(hint: string): string {
  return hint ? `••••${hint}` : '••••';
}

const insecureBackends = new Set(['basic_text', 'unknown']);

export function describeStorage(safeStorage: SafeStorageLike | undefined): KeyStorageInfo {
  if (!safeStorage) {
    return {
      secure: false,
      backend: 'none',
      warning: 'This window has no system keychain (browser mode): keys are kept for this session only unless you choose to save them unencrypted.',
    };
  }
  let available = false;
  try {
    available = safeStorage.isEncryptionAvailable();
  } catch {
    available = false;
  }
  let backend = 'system';
  try {
    // Linux only; elsewhere the OS keychain is always there.
    backend = safeStorage.getSelectedStorageBackend?.() ?? 'system';
  } catch {
    backend = 'system';
  }
  if (!available || insecureBackends.has(backend)) {
    return {
      secure: false,
      backend: available ? backend : 'unavailable',
      warning: 'No system keychain was found (no GNOME Keyring or KWallet): keys are kept for this session only unless you choose to save them without real encryption.',
    };
  }
  return { secure: true, backend };
}

export async function createKeyStore(options: { dataDir: string; safeStorage?: SafeStorageLike; environmentKey?: string }): Promise<KeyStore> {
  const file = join(options.dataDir, 'keys.json');
  const storage = describeStorage(options.safeStorage);
  const environmentKey = options.environmentKey?.trim() || undefined;
  protectInLogs(environmentKey);
  const session = new Map<string, string>();
  const queue = serialized();
  let stored: Record<string, StoredKey> = {};

  const text = await readTextIfExists(file);
  if (text !== undefined) {
    const parsed = keyFileSchema.safeParse(safeJson(text));
    // A damaged key file loses the keys, not the app: the person types them again.
    if (parsed.success) stored = parsed.data.keys;
  }

  const persist = () => writeFileAtomic(file, `${JSON.stringify({ version: 1, keys: stored }, null, 2)}\n`);

  function decrypt(entry: StoredKey): string | undefined {
    try {
      if (entry.format === 'plain') return Buffer.from(entry.data, 'base64').toString('utf8');
      if (!options.safeStorage) return undefined;
      return options.safeStorage.decryptString(Buffer.from(entry.data, 'base64'));
    } catch {
      // The keychain changed (another user, a reinstall): the stored key is unreadable.
      return undefined;
    }
  }

  // Whether each stored key still decrypts, asked once per entry: status() runs on every list,
  // and a keychain prompt per call would be worse than a stale answer after a keychain change.
  const readableCache = new WeakMap<StoredKey, boolean>();
  function readable(entry: StoredKey): boolean {
    let known = readableCache.get(entry);
    if (known === undefined) {
      known = decrypt(entry) !== undefined;
      readableCache.set(entry, known);
    }
    return known;
  }

  function encrypt(apiKey: string): Pick<StoredKey, 'format' | 'data'> {
    if (storage.backend !== 'none' && storage.backend !== 'unavailable' && options.safeStorage) {
      // A real keychain, or basic_text when the person opted in: still better than plain text.
      return { format: 'safe-storage', data: options.safeStorage.encryptString(apiKey).toString('base64') };
    }
    return { format: 'plain', data: Buffer.from(apiKey, 'utf8').toString('base64') };
  }

  function status(profileId: string): KeyStatus {
    const inSession = session.get(profileId);
    if (inSession !== undefined) {
      return { state: 'session', hint: keyHint(inSession), label: `configured ${masked(keyHint(inSession))} (this session only)` };
    }
    const entry = stored[profileId];
    if (entry && !readable(entry)) {
      return { state: 'unreadable', hint: entry.hint, label: `saved key ${masked(entry.hint)} can no longer be decrypted: enter it again` };
    }
    if (entry) {
      return entry.secure
        ? { state: 'stored', hint: entry.hint, label: `configured ${masked(entry.hint)}` }
        : { state: 'stored-insecure', hint: entry.hint, label: `configured ${masked(entry.hint)} (saved without encryption)` };
    }
    if (environmentKey) return { state: 'environment', hint: keyHint(environmentKey), label: 'from environment (INFILL_API_KEY)' };
    return { state: 'none', hint: '', label: 'no key' };
  }

  return {
    storage: () => storage,
    status,

    async set(profileId, apiKey, { persistInsecurely }) {
      const key = apiKey.trim();
      if (key.length === 0 || key.length > MAX_KEY_LENGTH || /\s/.test(key)) {
        throw new InfillError('INVALID_INPUT', 'The API key must be one word without spaces (at most 4096 characters).');
      }
      protectInLogs(key);
      return queue(async () => {
        if (!storage.secure && !persistInsecurely) {
          session.set(profileId, key);
          if (stored[profileId]) {
            delete stored[profileId];
            await persist();
          }
          return status(profileId);
        }
        session.delete(profileId);
        const entry: StoredKey = { ...encrypt(key), hint: keyHint(key), secure: storage.secure };
        readableCache.set(entry, true);
        stored[profileId] = entry;
        await persist();
        return status(profileId);
      });
    },

    async get(profileId) {
      const inSession = session.get(profileId);
      if (inSession !== undefined) return inSession;
      const entry = stored[profileId];
      if (entry) {
        const key = decrypt(entry);
        readableCache.set(entry, key !== undefined);
        protectInLogs(key);
        if (key !== undefined) return key;
      }
      return environmentKey;
    },

    remove(profileId) {
      return queue(async () => {
        session.delete(profileId);
        if (stored[profileId]) {
          delete stored[profileId];
          await persist();
        }
      });
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
