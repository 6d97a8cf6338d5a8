import { posix, win32 } from 'node:path';

export interface WebOptions {
  /** 0 picks a free port. */
  port: number;
  dataDir: string;
  /** Open the system browser on the printed URL. */
  open: boolean;
}

export const WEB_USAGE = `Usage: node out/main/web.js [--port N] [--data-dir DIR] [--open]
  --port N        listen on 127.0.0.1:N (default: a free port)
  --data-dir DIR  where Infill keeps its assets and settings
                  (default: $INFILL_DATA_DIR, else the platform's data folder)
  --open          open the app in the system browser`;

/** Thrown for arguments `npm run web` cannot make sense of; web.ts prints it with the usage. */
export class UsageError extends Error {}

/** Parses `--port N`, `--port=N`, `--data-dir DIR`, `--data-dir=DIR` and `--open`. */
export function parseWebArgs(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  home: string,
): WebOptions {
  const options: WebOptions = { port: 0, dataDir: '', open: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const next = inline ?? argv[++i];
      if (next === undefined || next === '') throw new UsageError(`${flag} needs a value`);
      return next;
    };
    if (flag === '--port') {
      const port = Number(value());
      if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError(`--port must be 0…65535`);
      options.port = port;
    } else if (flag === '--data-dir') {
      options.dataDir = value();
    } else if (flag === '--open' && inline === undefined) {
      options.open = true;
    } else {
      throw new UsageError(`Unknown argument ${JSON.stringify(arg)}`);
    }
  }
  if (!options.dataDir) options.dataDir = defaultDataDir(env, platform, home);
  return options;
}

/**
 * Where the browser bridge keeps its data when not told: $INFILL_DATA_DIR, else the platform's
 * per-user data folder (XDG on Linux).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string {
  if (env.INFILL_DATA_DIR) return env.INFILL_DATA_DIR;
  if (platform === 'win32') return win32.join(env.APPDATA || win32.join(home, 'AppData', 'Roaming'), 'Infill');
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', 'Infill');
  return posix.join(env.XDG_DATA_HOME || posix.join(home, '.local', 'share'), 'infill');
}
