/**
 * `infill`: the headless CLI (issue 3 §8). Built as out/main/cli.js beside fill-worker.js;
 * bin/infill.mjs loads it. Runs the app's own services — import, job runner, providers,
 * flatten and export — with no Electron.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readVersion } from '../app/read-version.ts';
import { EXIT } from './exit-codes.ts';
import { runCommandLine } from './run-command-line.ts';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The offline engines run in worker threads so that Ctrl+C is handled at once (a fill on the
 * main thread would block the signal handler until it ends). Built: fill-worker.js beside this
 * file. From the TypeScript source (tests, `node --import tsx electron/cli/cli.ts`): the
 * engine's tsx wrapper, which registers tsx inside the worker.
 */
function fillWorker(): { workerScript?: string } {
  const built = join(here, 'fill-worker.js');
  if (import.meta.url.endsWith('.js') && existsSync(built)) return { workerScript: built };
  const source = join(here, '../engine/testing/fill-worker-tsx.mjs');
  return existsSync(source) ? { workerScript: source } : {};
}

// `infill models | head -1` closes stdout early: that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT.ok);
  throw error;
});
process.exit(await runCommandLine(process.argv.slice(2), { env: process.env, version: () => readVersion(here), worker: fillWorker(), handleSigint: true }));
