/**
 * `infill`: the headless CLI (issue 3 §8). Built as out/main/cli.js beside fill-worker.js;
 * bin/infill.mjs loads it. Runs the app's own services — import, job runner, providers,
 * flatten and export — with no Electron.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readVersion } from '../app/read-version.ts';
import { cliErrorText, cliLanguage } from '../i18n/cli-language.ts';
import { createCliIo, errorLine } from './cli-io.ts';
import { openCliLog, wantsVerbose } from './cli-log.ts';
import type { CommandContext } from './command-context.ts';
import { EXIT, exitCodeFor, UsageError } from './exit-codes.ts';
import { COMMAND_USAGE, MAIN_USAGE } from './usage.ts';

type Command = (argv: readonly string[], ctx: CommandContext) => Promise<void>;

/** Words in LC_ALL / LC_MESSAGES / LANG's language; i18next and the catalogues load only when needed. */
async function translator() {
  const { createTranslator } = await import('../i18n/translator.ts');
  return createTranslator(cliLanguage(process.env));
}

/**
 * Each command is loaded when it runs: `infill --help` must start about as fast as Node itself,
 * so sharp, the gateway SDKs and the engines are never loaded for help, a version, or a mistyped
 * command (the CLI bench checks this).
 */
const commands: Record<string, () => Promise<Command>> = {
  inpaint: async () => (await import('./inpaint.ts')).inpaintCommand,
  outpaint: async () => (await import('./outpaint.ts')).outpaintCommand,
  generate: async () => (await import('./generate.ts')).generateCommand,
  batch: async () => (await import('./batch.ts')).batchCommand,
  models: async () => (await import('./models.ts')).modelsCommand,
};

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

async function main(argv: readonly string[]): Promise<number> {
  const apiKey = process.env.INFILL_API_KEY?.trim() || undefined;
  const io = createCliIo(apiKey);
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(name === 'help' && rest[0] && COMMAND_USAGE[rest[0]] ? COMMAND_USAGE[rest[0]]! : MAIN_USAGE);
    return EXIT.ok;
  }
  if (name === '--version' || name === '-V') {
    io.out(`infill ${readVersion(here)}`);
    return EXIT.ok;
  }
  const loadCommand = commands[name];
  if (!loadCommand) {
    const t = await translator();
    io.err(`infill: ${t('cli:unknownCommand', { name, commands: Object.keys(commands).join(', ') })}`);
    return EXIT.badInput;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(COMMAND_USAGE[name]!);
    return EXIT.ok;
  }

  const cancel = new AbortController();
  // Loaded now, off the path of --help, so a Ctrl+C or a failure can be worded at once.
  const t = await translator();
  process.on('SIGINT', () => {
    // The first Ctrl+C cancels cleanly (requests aborted, workers stopped, nothing written);
    // a second one does not wait for that.
    if (cancel.signal.aborted) process.exit(EXIT.cancelled);
    io.status(`infill: ${t('cli:cancelling', {})}`);
    cancel.abort();
  });
  const ctx: CommandContext = {
    io,
    env: process.env,
    signal: cancel.signal,
    openServices: async (gateway) => {
      const { createCliServices } = await import('./cli-services.ts');
      return createCliServices({ ...fillWorker(), ...(gateway ? { gateway } : {}) });
    },
  };
  const startedAt = performance.now();
  const log = wantsVerbose(rest) ? await openCliLog(argv, process.env, io) : undefined;
  try {
    await (await loadCommand())(rest, ctx);
    log?.info('done', { exit: EXIT.ok, ms: Math.round(performance.now() - startedAt) });
    return EXIT.ok;
  } catch (error) {
    const code = cancel.signal.aborted ? EXIT.cancelled : exitCodeFor(error);
    log?.warn('failed', { exit: code, ms: Math.round(performance.now() - startedAt), error: errorLine(error) });
    if (code === EXIT.cancelled) io.err(`infill: ${error instanceof Error && /cancel/i.test(error.message) ? cliErrorText(t, error, cliLanguage(process.env)) : t('cli:cancelled', {})}`);
    else io.err(`infill: ${cliErrorText(t, error, cliLanguage(process.env))}${error instanceof UsageError ? ` (infill ${name} --help)` : ''}`);
    // For bug reports: the stack of an unexpected failure, still through the redacting writer.
    if (code === EXIT.failed && process.env.INFILL_DEBUG && error instanceof Error && error.stack) io.err(error.stack);
    return code;
  }
}

// `infill models | head -1` closes stdout early: that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT.ok);
  throw error;
});
process.exit(await main(process.argv.slice(2)));
