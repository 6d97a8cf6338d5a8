import { jobOptions, jobSettings, parse, size, str } from './args.ts';
import { reportResult, type CommandContext } from './command-context.ts';
import { UsageError } from './exit-codes.ts';
import { formatForPath, outputPaths } from './output.ts';
import { checkOutputPaths } from './output-check.ts';
import { jobProgressReporter } from './progress.ts';
import { resolveProvider } from './resolve-provider.ts';
import { runDocument } from './run-document.ts';

export const generateOptions = { ...jobOptions, size: { type: 'string' }, out: { type: 'string', short: 'o' } } as const;

const DEFAULT_SIZE = { width: 1024, height: 1024 };

/**
 * `infill generate --prompt TEXT --out FILE`: an empty canvas, fully masked. The gateway
 * provider sees a blank crop and sends images/generations (or a chat request) instead of an
 * edit — the same path as the app's "Generate image".
 */
export async function generateCommand(argv: readonly string[], ctx: CommandContext): Promise<void> {
  const { values, positionals } = parse(argv, generateOptions);
  if (positionals.length > 0) throw new UsageError(`generate takes no IMAGE (got “${positionals[0]}”); use inpaint or outpaint to change a picture.`);
  const settings = jobSettings(values);
  if (settings.provider.kind === 'offline') throw new UsageError('generate needs a gateway: --base-url URL (and INFILL_API_KEY); the offline engines only fill from existing pixels.');
  if (!settings.prompt.trim()) throw new UsageError('generate needs --prompt TEXT.');
  const out = str(values, 'out');
  if (!out) throw new UsageError('generate needs --out FILE (.png, .jpg, .webp, .avif, .psd or .ora).');
  const format = formatForPath(out);
  const outputs = outputPaths(out, settings.n);
  await checkOutputPaths(outputs, []);
  const { width, height } = size(values) ?? DEFAULT_SIZE;
  const resolved = await resolveProvider(settings.provider, ctx.env, ctx.io);
  for (const warning of settings.warnings) ctx.io.err(`infill: warning: ${warning}`);

  const services = await ctx.openServices(resolved.gateway);
  try {
    const canvas = { x: 0, y: 0, width, height };
    const result = await runDocument(
      await services.openScope(),
      { canvas, layers: [], mask: { ...canvas, alpha: new Uint8Array(width * height).fill(255) } },
      { providerId: resolved.providerId, prompt: settings.prompt, n: settings.n, seed: settings.seed, format, quality: settings.quality, stripMetadata: settings.stripMetadata, outputs },
      ctx.signal,
      jobProgressReporter(ctx.io, settings.verbose, 'generate'),
    );
    reportResult(ctx.io, result);
  } finally {
    ctx.io.clearStatus();
    await services.dispose();
  }
}
