import { join } from 'node:path';
import { z } from 'zod';
import { defaultPreferences, preferencesSchema, type Preferences } from '../../shared/preferences.ts';
import { readTextIfExists, serialized, writeFileAtomic } from '../storage/atomic-file.ts';

/** `preferences.json` in the data folder: the language override, read once and saved atomically. */
export interface PreferenceStore {
  get(): Preferences;
  save(next: Preferences): Promise<Preferences>;
  /** Electron rebuilds its native menu in the new language. */
  onChange(listener: (preferences: Preferences) => void): () => void;
}

const fileSchema = z.object({ version: z.literal(1), preferences: preferencesSchema });

export async function createPreferenceStore(options: { dataDir: string }): Promise<PreferenceStore> {
  const file = join(options.dataDir, 'preferences.json');
  const listeners = new Set<(preferences: Preferences) => void>();
  const queue = serialized();
  let current = defaultPreferences;
  const text = await readTextIfExists(file);
  if (text !== undefined) {
    try {
      const parsed = fileSchema.safeParse(JSON.parse(text));
      if (parsed.success) current = parsed.data.preferences;
    } catch {
      // A damaged file means the defaults (follow the system); saving rewrites it.
    }
  }
  return {
    get: () => current,
    save(next) {
      return queue(async () => {
        current = next;
        await writeFileAtomic(file, `${JSON.stringify({ version: 1, preferences: current }, null, 2)}\n`, 0o644);
        for (const listener of listeners) listener(current);
        return current;
      });
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
