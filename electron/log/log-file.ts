import { mkdir } from 'node:fs/promises';
import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setLogSink, type LogLevel } from './log.ts';

/**
 * The log file, through electron-log's file transport (buffered appends, size-based rotation):
 * `<data folder>/logs/infill.log`, rotated at 2 MB into infill.1.log … infill.3.log, so the
 * folder stays under 8 MB. electron-log is loaded only when a log is opened, so a CLI run
 * without -v never pays for it.
 */

export const LOG_FILE_NAME = 'infill.log';
export const MAX_LOG_BYTES = 2 * 1024 * 1024;
export const KEPT_LOG_FILES = 3;

export function logDirFor(dataDir: string): string {
  return join(dataDir, 'logs');
}

export interface OpenLog {
  /** The file being written. */
  path: string;
  dir: string;
}

/** infill.log → infill.1.log → infill.2.log …; the oldest falls off. Synchronous: electron-log calls it mid-write. */
function rotate(dir: string, keep: number): void {
  const numbered = (n: number) => join(dir, `infill.${n}.log`);
  rmSync(numbered(keep), { force: true });
  for (let n = keep - 1; n >= 1; n--) {
    try {
      renameSync(numbered(n), numbered(n + 1));
    } catch {
      // Not there yet.
    }
  }
  renameSync(join(dir, LOG_FILE_NAME), numbered(1));
}

export async function openLogFile(options: { dataDir: string; level?: LogLevel; maxBytes?: number; keep?: number }): Promise<OpenLog> {
  const dir = logDirFor(options.dataDir);
  await mkdir(dir, { recursive: true });
  const path = join(dir, LOG_FILE_NAME);
  const { default: log } = await import('electron-log/node');
  const keep = options.keep ?? KEPT_LOG_FILES;
  // electron-log otherwise looks for a package.json from the working folder up, and a CLI run
  // from anywhere (or the packaged app) has none: the path is ours anyway, the name only fills its default.
  log.transports.file.setAppName('Infill');
  log.transports.console.level = false;
  log.transports.file.level = options.level ?? 'info';
  log.transports.file.resolvePathFn = () => path;
  log.transports.file.maxSize = options.maxBytes ?? MAX_LOG_BYTES;
  log.transports.file.archiveLogFn = () => rotate(dir, keep);
  log.transports.file.format = '[{y}-{m}-{d} {h}:{i}:{s}.{ms}] [{level}] {text}';
  setLogSink((level, scope, text) => log[level](`(${scope}) ${text}`));
  return { path, dir };
}
