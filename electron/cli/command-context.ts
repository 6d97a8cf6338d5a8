import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { InfillError } from '../../shared/errors.ts';
import type { Provider } from '../jobs/provider.ts';
import type { CliIo } from './cli-io.ts';
import type { CliServices } from './cli-services.ts';
import type { RunResult } from './run-document.ts';
import { moneyText } from '../../shared/gateway/money.ts';

/** What every command gets from the entry point. */
export interface CommandContext {
  io: CliIo;
  env: NodeJS.ProcessEnv;
  /** Aborted on Ctrl+C (SIGINT): requests and fills stop, the command exits 4. */
  signal: AbortSignal;
  /** The app's services for this run, with the gateway provider when there is one; dispose them. */
  openServices(gateway?: Provider): Promise<CliServices>;
}

/** Reads a file the person named, with a message that names it when it cannot be read. */
export async function readInputFile(path: string, what = 'file'): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a folder' : code === 'EACCES' ? 'cannot be read (permission denied)' : `cannot be read (${code ?? 'error'})`;
    throw new InfillError('INVALID_INPUT', `The ${what} “${path}” ${reason}.`);
  }
}

export function displayName(path: string): string {
  return basename(path);
}

/** The written files on stdout (for scripts); what a gateway charged on stderr (for people). */
export function reportResult(io: CliIo, result: RunResult): void {
  for (const path of result.paths) io.out(path);
  if (result.note) io.err(`infill: note: ${result.note}`);
  if (result.costs) io.err(`infill: cost about ${result.costs.map(moneyText).join(' + ')}${result.model ? ` (${result.model})` : ''}`);
}
