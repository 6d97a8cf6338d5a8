import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, posix, win32 } from 'node:path';
import { InfillError } from '../../shared/errors.ts';
import { defaultDataDir } from '../bridge/web-options.ts';
import { createKeyStore } from '../keys/key-store.ts';
import { createProfileStore, type StoredProfile } from '../profiles/profile-store.ts';
import type { GatewayTarget } from './gateway-target.ts';

/**
 * Gateway profiles saved in the app, read from its data folder. The CLI has no Electron, so no
 * safeStorage: a key the app encrypted with the system keychain cannot be read here, and
 * INFILL_API_KEY is used instead (the app's own rule: the profile's key, else the environment).
 * Keys saved without encryption (an opt-in) are read as the app reads them.
 */

/**
 * Where to look, in order: --data-dir or INFILL_DATA_DIR; else the desktop app's folder
 * (Electron's appData/Infill, see electron/main.ts), then the browser bridge's default.
 */
export function profileDataDirs(explicit: string | undefined, env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, home = homedir()): string[] {
  if (explicit) return [explicit];
  if (env.INFILL_DATA_DIR) return [env.INFILL_DATA_DIR];
  const appData =
    platform === 'win32'
      ? env.APPDATA || win32.join(home, 'AppData', 'Roaming')
      : platform === 'darwin'
        ? posix.join(home, 'Library', 'Application Support')
        : env.XDG_CONFIG_HOME || posix.join(home, '.config');
  const desktop = platform === 'win32' ? win32.join(appData, 'Infill') : posix.join(appData, 'Infill');
  return [...new Set([desktop, defaultDataDir(env, platform, home)])];
}

/**
 * Where an ad-hoc --base-url job records its cost: --data-dir or INFILL_DATA_DIR if given, else
 * the app's folder if the app has been run on this machine (else nowhere: no app, no usage view).
 */
export function usageDataDir(explicit: string | undefined, env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, home = homedir()): string | undefined {
  const dirs = profileDataDirs(explicit, env, platform, home);
  return explicit || env.INFILL_DATA_DIR ? dirs[0] : dirs.find((dir) => existsSync(dir));
}

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
