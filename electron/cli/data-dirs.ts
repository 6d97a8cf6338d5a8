import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';
import { defaultDataDir } from '../bridge/web-options.ts';

/** The app's data folders as the CLI finds them (saved profiles, the usage log, the log file). */

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

/**
 * Where `-v` writes the log: the folder the app itself logs to — --data-dir or INFILL_DATA_DIR,
 * else the first app folder that exists, else the desktop app's.
 */
export function logDataDir(explicit: string | undefined, env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  return usageDataDir(explicit, env, platform, home) ?? profileDataDirs(explicit, env, platform, home)[0]!;
}
