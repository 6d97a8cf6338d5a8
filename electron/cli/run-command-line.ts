import { createCliIo, errorLine, type CliStreams } from './cli-io.ts';
import { openCliLog, wantsVerbose } from './cli-log.ts';
import type { CommandContext } from './command-context.ts';
import { EXIT, exitCodeFor, UsageError } from './exit-codes.ts';
import { COMMAND_USAGE, MAIN_USAGE } from './usage.ts';
import { cliErrorText, cliLanguage } from '../i18n/cli-language.ts';

/**
 * One `infill …` run, from arguments to exit code: the entry point (cli.ts) calls it with the
 * process's streams and exits with its answer; tests call it in-process with their own streams.
 */

type Command = (argv: readonly string[], ctx: CommandContext) => Promise<void>;

/** Words in LC_ALL / LC_MESSAGES / LANG's language; i18next and the catalogues load only when needed. */
async function translator(env: NodeJS.ProcessEnv) {
  const { createTranslator } = await import('../i18n/translator.ts');
  return createTranslator(cliLanguage(env));
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
  select: async () => (await import('./select.ts')).selectCommand,
  describe: async () => (await import('./describe.ts')).describeCommand,
};

export interface CommandLineOptions {
  env: NodeJS.ProcessEnv;
  /** Tests pass their own; default: the process's stdout and stderr. */
  streams?: CliStreams;
  version: () => string;
  /** Where the offline engines' worker thread is (see cli.ts). */
  worker: { workerScript?: string };
  /** Ctrl+C cancels the run (the real process only). */
  handleSigint?: boolean;
}

export async function runCommandLine(argv: readonly string[], options: CommandLineOptions): Promise<number> {
  const { env } = options;
  const apiKey = env.INFILL_API_KEY?.trim() || undefined;
  const io = createCliIo(apiKey, options.streams);
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(name === 'help' && rest[0] && COMMAND_USAGE[rest[0]] ? COMMAND_USAGE[rest[0]]! : MAIN_USAGE);
    return EXIT.ok;
  }
  if (name === '--version' || name === '-V') {
    io.out(`infill ${options.version()}`);
    return EXIT.ok;
  }
  const loadCommand = commands[name];
  if (!loadCommand) {
    const t = await translator(env);
    io.err(`infill: ${t('cli:unknownCommand', { name, commands: Object.keys(commands).join(', ') })}`);
    return EXIT.badInput;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(COMMAND_USAGE[name]!);
    return EXIT.ok;
  }

  const cancel = new AbortController();
  // Loaded now, off the path of --help, so a Ctrl+C or a failure can be worded at once.
  const t = await translator(env);
  const language = cliLanguage(env);
  if (options.handleSigint) {
    process.on('SIGINT', () => {
      // The first Ctrl+C cancels cleanly (requests aborted, workers stopped, nothing written);
      // a second one does not wait for that.
      if (cancel.signal.aborted) process.exit(EXIT.cancelled);
      io.status(`infill: ${t('cli:cancelling')}`);
      cancel.abort();
    });
  }
  const ctx: CommandContext = {
    io,
    env,
    signal: cancel.signal,
    openServices: async (gateway) => {
      const { createCliServices } = await import('./cli-services.ts');
      return createCliServices({ ...options.worker, ...(gateway ? { gateway } : {}) });
    },
  };
  const startedAt = performance.now();
  const log = wantsVerbose(rest) ? await openCliLog(argv, env, io) : undefined;
  try {
    await (await loadCommand())(rest, ctx);
    log?.info('done', { exit: EXIT.ok, ms: Math.round(performance.now() - startedAt) });
    return EXIT.ok;
  } catch (error) {
    const code = cancel.signal.aborted ? EXIT.cancelled : exitCodeFor(error);
    log?.warn('failed', { exit: code, ms: Math.round(performance.now() - startedAt), error: errorLine(error) });
    if (code === EXIT.cancelled) io.err(`infill: ${error instanceof Error && /cancel/i.test(error.message) ? cliErrorText(t, error, language) : t('cli:cancelled')}`);
    else io.err(`infill: ${cliErrorText(t, error, language)}${error instanceof UsageError ? ` (infill ${name} --help)` : ''}`);
    // For bug reports: the stack of an unexpected failure, still through the redacting writer.
    if (code === EXIT.failed && env.INFILL_DEBUG && error instanceof Error && error.stack) io.err(error.stack);
    return code;
  }
}
