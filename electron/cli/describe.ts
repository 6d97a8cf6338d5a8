import { resolve } from 'node:path';
import { InfillError } from '../../shared/errors.ts';
import { visionDetails, type VisionDetail } from '../../shared/vision/vision-contract.ts';
import { int, parse, str } from './args.ts';
import { errorLine } from './cli-io.ts';
import type { CommandContext } from './command-context.ts';
import { createDescribeLog, describedPaths, type DescribeLine } from './describe-log.ts';
import { createBatchStop } from './batch-stop.ts';
import { EXIT, ExitError, UsageError } from './exit-codes.ts';
import { createVisionRunner, type VisionAnswer } from './vision-run.ts';
import { resolveVisionTarget } from './vision-target.ts';
import { addToTotals, moneyText, type Money } from '../../shared/gateway/money.ts';

export const describeOptions = {
  prompt: { type: 'string' },
  detail: { type: 'string' },
  out: { type: 'string', short: 'o' },
  concurrency: { type: 'string' },
  provider: { type: 'string' },
  'base-url': { type: 'string' },
  model: { type: 'string' },
  protocol: { type: 'string' },
  'data-dir': { type: 'string' },
} as const;

/** `infill describe IMAGE…`: captions for a folder of product photos, resumable. */
export async function describeCommand(argv: readonly string[], ctx: CommandContext): Promise<void> {
  const { values, positionals } = parse(argv, describeOptions);
  if (positionals.length === 0) throw new UsageError('describe takes one or more IMAGE files.');
  const detail = (str(values, 'detail') ?? 'medium') as VisionDetail;
  if (!visionDetails.includes(detail)) throw new UsageError(`--detail must be one of ${visionDetails.join(', ')} (got “${str(values, 'detail')}”).`);
  const concurrency = int(values, 'concurrency', 1, 16) ?? 2;
  const out = str(values, 'out');
  const instruction = str(values, 'prompt');
  const dataDir = str(values, 'data-dir');
  const target = await resolveVisionTarget(
    { provider: str(values, 'provider'), baseUrl: str(values, 'base-url'), model: str(values, 'model'), protocol: str(values, 'protocol'), dataDir },
    ctx.env,
  );
  ctx.io.protect(target.apiKey);
  for (const warning of target.warnings) ctx.io.err(`infill: warning: ${warning}`);
  const runner = await createVisionRunner(target, { detail, concurrency, explicitDataDir: dataDir }, ctx.env, ctx.io);
  const request = { task: 'describe' as const, prompt: '', ...(instruction ? { instruction } : {}) };

  if (positionals.length === 1 && !out) {
    const answer = await runner.run(positionals[0]!, request, ctx.signal, (text) => process.stdout.write(text));
    process.stdout.write('\n');
    if (answer.error) throw answer.error;
    ctx.io.err(`infill: ${costLine(answer.cost ? [answer.cost] : undefined, answer.tokens.estimated)} (${answer.model}, ${answer.tokens.inputTokens} + ${answer.tokens.outputTokens} tokens)`);
    return;
  }

  const done = out ? await describedPaths(out) : new Set<string>();
  const write = out ? createDescribeLog(out) : async (line: DescribeLine) => ctx.io.out(JSON.stringify(line));
  const queue = positionals.filter((path) => !done.has(resolve(path)));
  const skipped = positionals.length - queue.length;
  if (skipped > 0) ctx.io.err(`infill: ${skipped} image(s) already described in ${out}; skipping them`);
  const stop = createBatchStop(ctx.signal);
  const { signal } = stop;
  let failed = 0;
  let described = 0;
  let total: Money[] = [];
  let unpriced = 0;

  const one = async (path: string): Promise<void> => {
    let answer: VisionAnswer;
    try {
      answer = await runner.run(path, request, signal);
    } catch (error) {
      if (stop.ended(error)) return;
      failed++;
      const info = error instanceof InfillError ? error.toInfo() : { code: 'INTERNAL', message: errorLine(error).replace(/^infill: /, '') };
      await write({ path, error: info });
      ctx.io.err(`infill: ${path}: ${info.message}`);
      return;
    }
    if (answer.cost === undefined) unpriced++;
    else total = addToTotals(total, answer.cost);
    // A stream stopped by Ctrl+C is not written: the rerun asks again.
    if (answer.incomplete && signal.aborted) return;
    if (answer.error) failed++;
    else described++;
    await write({
      path,
      text: answer.text,
      model: answer.model,
      inputTokens: answer.tokens.inputTokens,
      outputTokens: answer.tokens.outputTokens,
      ...(answer.tokens.estimated ? { estimated: true } : {}),
      ...(answer.cost === undefined ? {} : { cost: answer.cost }),
      ...(answer.incomplete ? { incomplete: true } : {}),
      ...(answer.error ? { error: answer.error.toInfo() } : {}),
    });
  };

  await Promise.all(
    Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
      for (let path = queue.shift(); path !== undefined && !signal.aborted; path = queue.shift()) await one(path);
    }),
  );
  ctx.io.err(`infill: ${described} described, ${skipped} already done, ${failed} failed; ${costLine(total, false)}${unpriced ? ` (${unpriced} without a price)` : ''}`);
  if (ctx.signal.aborted) throw new InfillError('JOB_CANCELLED', `Cancelled after ${described} new description(s); run the same command again to resume.`);
  if (stop.fatal) throw stop.fatal;
  if (failed > 0) throw new ExitError(`${failed} image(s) could not be described`, EXIT.gateway);
}

/** Totals stay per currency: a relay billing in VND and one in USD are never added up. */
function costLine(totals: readonly Money[] | undefined, estimated: boolean): string {
  if (totals === undefined) return 'cost unknown (no price for this model)';
  const amounts = totals.length > 0 ? totals.map(moneyText).join(' + ') : '0';
  return `total cost about ${amounts}${estimated ? ' (estimated from token counts)' : ''}`;
}


