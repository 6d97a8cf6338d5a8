import { protectInLogs, scopedLogger, type Logger } from '../log/log.ts';
import type { CliIo } from './cli-io.ts';
import { logDataDir } from './data-dirs.ts';

/**
 * With -v/--verbose the CLI writes the app's log too (the same rotating file, in the same data
 * folder), so a person can send one file whichever front they used. Without it nothing is
 * loaded: the log library is not even imported.
 */

export function wantsVerbose(argv: readonly string[]): boolean {
  return argv.includes('-v') || argv.includes('--verbose');
}

function explicitDataDir(argv: readonly string[]): string | undefined {
  const at = argv.indexOf('--data-dir');
  if (at >= 0) return argv[at + 1];
  return argv.find((arg) => arg.startsWith('--data-dir='))?.slice('--data-dir='.length);
}

/** Opens the log for this run and records the command; undefined (with a warning) if it cannot be opened. */
export async function openCliLog(argv: readonly string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<Logger | undefined> {
  protectInLogs(env.INFILL_API_KEY?.trim());
  try {
    const { openLogFile } = await import('../log/log-file.ts');
    const file = await openLogFile({ dataDir: logDataDir(explicitDataDir(argv), env) });
    io.err(`infill: log: ${file.path}`);
    const log = scopedLogger('cli');
    log.info(`infill ${argv.join(' ')}`, { pid: process.pid, node: process.versions.node });
    return log;
  } catch (error) {
    io.err(`infill: warning: the log file could not be opened (${error instanceof Error ? error.message : String(error)}); going on without it.`);
    return undefined;
  }
}
