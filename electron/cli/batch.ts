import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { InfillError } from '../../shared/errors.ts';
import { int, jobOptions, jobSettings, parse, str } from './args.ts';
import { planBatch, type BatchItem } from './batch-files.ts';
import { errorLine } from './cli-io.ts';
import type { CommandContext } from './command-context.ts';
import { createBatchStop } from './batch-stop.ts';
import { EXIT, ExitError, exitCodeFor, UsageError } from './exit-codes.ts';
import { inpaintFile } from './inpaint.ts';
import { formatForPath, isKnownOutputExtension, outputPaths } from './output.ts';
import { checkOutputFolder } from './output-check.ts';
import { batchProgress } from './progress.ts';
import { resolveProvider } from './resolve-provider.ts';
import { addToTotals, moneyText, type Money } from '../../shared/gateway/money.ts';

export const batchOptions = {
  ...jobOptions,
  'mask-suffix': { type: 'string' },
  'mask-alpha': { type: 'boolean' },
  out: { type: 'string', short: 'o' },
  concurrency: { type: 'string' },
  format: { type: 'string' },
} as const;

export const DEFAULT_MASK_SUFFIX = '_mask';
export const DEFAULT_BATCH_OUT = 'infilled';

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

/**
 * `infill batch DIR --mask-suffix _mask …`: every photo.jpg with a photo_mask.png beside it.
 * Resumable: an item whose output exists is skipped (outputs are written atomically and the
 * first of a set last, so an existing file means a finished item). A file that fails is reported and the rest go on; an
 * error that would fail every file (bad key, no credit, unknown model, Ctrl+C) stops the batch.
 */
export async function batchCommand(argv: readonly string[], ctx: CommandContext): Promise<void> {
  const { values, positionals } = parse(argv, batchOptions);
  if (positionals.length !== 1) throw new UsageError('batch takes one DIR.');
  const dir = positionals[0]!;
  const suffix = str(values, 'mask-suffix') ?? DEFAULT_MASK_SUFFIX;
  if (!suffix) throw new UsageError('--mask-suffix cannot be empty.');
  const settings = jobSettings(values);
  const concurrency = int(values, 'concurrency', 1, 16) ?? 2;
  const outDir = str(values, 'out') ?? join(dir, DEFAULT_BATCH_OUT);
  const formatName = str(values, 'format') ?? 'png';
  const ext = `.${formatName.toLowerCase().replace(/^\./, '')}`;
  if (!isKnownOutputExtension(ext)) throw new UsageError(`--format must be png, jpg, webp, avif, psd or ora (got “${formatName}”).`);
  const format = formatForPath(`x${ext}`);
  const plan = await planBatch(dir, suffix, outDir, ext);
  if (plan.items.length > 0) await checkOutputFolder(outDir);
  for (const name of plan.unmasked) ctx.io.err(`infill: no mask for ${name} (expected ${name.replace(/\.[^.]+$/, '')}${suffix}.png); skipped`);
  if (plan.items.length === 0) throw new InfillError('INVALID_INPUT', `No image in “${dir}” has a mask named <name>${suffix}.<ext> beside it.`);
  const resolved = await resolveProvider(settings.provider, ctx.env, ctx.io);
  for (const warning of settings.warnings) ctx.io.err(`infill: warning: ${warning}`);

  const progress = batchProgress(ctx.io);
  const stop = createBatchStop(ctx.signal);
  const { signal } = stop;
  const failures: unknown[] = [];
  let written = 0;
  let skipped = 0;
  let costs: Money[] = [];
  const queue = [...plan.items];
  const working = new Set<string>();

  const services = await ctx.openServices(resolved.gateway);
  const runItem = async (item: BatchItem): Promise<void> => {
    const outputs = outputPaths(item.output, settings.n);
    // The first output is written last (run-document.ts): if it exists, the item is finished.
    if (await exists(outputs[0]!)) {
      skipped++;
      progress.file(item.name, 'skipped', 'output exists');
      return;
    }
    working.add(item.name);
    progress.working([...working]);
    try {
      const result = await inpaintFile(services, { ...ctx, signal }, { image: item.image, mask: { path: item.mask }, maskAlpha: values['mask-alpha'] === true, outputs, format }, settings, resolved.providerId, false);
      written++;
      for (const path of result.paths) ctx.io.out(path);
      if (result.note) ctx.io.err(`infill: note: ${item.name}: ${result.note}`);
      for (const cost of result.costs ?? []) costs = addToTotals(costs, cost);
      progress.file(item.name, 'done');
    } catch (error) {
      if (stop.ended(error)) return;
      failures.push(error);
      progress.file(item.name, 'failed', errorLine(error).replace(/^infill: /, ''));
    } finally {
      working.delete(item.name);
      progress.working([...working]);
    }
  };

  try {
    progress.start(plan.items.length);
    await Promise.all(
      Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
        for (let item = queue.shift(); item && !signal.aborted; item = queue.shift()) await runItem(item);
      }),
    );
  } finally {
    progress.finish();
    await services.dispose();
  }
  if (ctx.signal.aborted) throw new InfillError('JOB_CANCELLED', `Cancelled after ${written} new result(s); run the same command again to resume.`);
  if (stop.fatal) throw stop.fatal;
  const cost = costs.length > 0 ? `; cost about ${costs.map(moneyText).join(' + ')}` : '';
  const summary = `${written} written, ${skipped} already done, ${failures.length} failed${plan.unmasked.length ? `, ${plan.unmasked.length} without a mask` : ''}${cost}`;
  if (failures.length > 0) {
    const codes = failures.map(exitCodeFor);
    const code = codes.includes(EXIT.gateway) ? EXIT.gateway : codes.includes(EXIT.badInput) ? EXIT.badInput : EXIT.failed;
    throw new ExitError(`batch: ${summary}.`, code);
  }
  ctx.io.err(`infill: batch: ${summary}.`);
}
