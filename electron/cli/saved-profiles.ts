import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InfillError } from '../../shared/errors.ts';
import { createKeyStore } from '../keys/key-store.ts';
import { createProfileStore, type StoredProfile } from '../profiles/profile-store.ts';
import { profileDataDirs } from './data-dirs.ts';
import type { GatewayTarget } from './gateway-target.ts';

/**
 * Gateway profiles saved in the app, read from its data folder. The CLI has no Electron, so no
 * safeStorage: a key the app encrypted with the system keychain cannot be read here, and
 * INFILL_API_KEY is used instead (the app's own rule: the profile's key, else the environment).
 * Keys saved without encryption (an opt-in) are read as the app reads them.
 */

function matches(profile: StoredProfile, name: string): boolean {
  return profile.id === name || profile.name.toLowerCase() === name.toLowerCase();
}

/** The saved profile named `name` (its id or its name), the key to send with it, and where it lives. */
export async function savedGatewayTarget(name: string, dataDir: string | undefined, env: NodeJS.ProcessEnv): Promise<GatewayTarget & { dataDir: string }> {
  const dirs = profileDataDirs(dataDir, env).filter((dir) => existsSync(join(dir, 'profiles.json')));
  const seen: StoredProfile[] = [];
  for (const dir of dirs) {
    const profiles = (await createProfileStore({ dataDir: dir })).list();
    seen.push(...profiles);
    const stored = profiles.find((p) => matches(p, name));
    if (!stored) continue;
    const { persistInsecurely: _persist, ...profile } = stored;
    const environmentKey = env.INFILL_API_KEY?.trim() || undefined;
    const keys = await createKeyStore({ dataDir: dir, ...(environmentKey ? { environmentKey } : {}) });
    const apiKey = await keys.get(profile.id);
    const state = keys.status(profile.id).state;
    if (apiKey === undefined && state === 'unreadable') {
      throw new InfillError(
        'AUTH_FAILED',
        `The key saved for “${profile.name}” is encrypted with the system keychain, which the CLI cannot open; set INFILL_API_KEY for this run.`,
      );
    }
    return { profile, apiKey, warnings: [], dataDir: dir };
  }
  const known = seen.map((p) => p.name).join(', ');
  throw new InfillError(
    'INVALID_INPUT',
    dirs.length === 0
      ? `No saved gateway profiles were found (looked in ${profileDataDirs(dataDir, env).join(', ')}); use --base-url URL, or --data-dir DIR.`
      : `There is no saved gateway profile “${name}”${known ? `; saved: ${known}` : ''}.`,
  );
}
