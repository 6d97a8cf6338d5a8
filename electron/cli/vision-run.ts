import { InfillError } from '../../shared/errors.ts';
import { refusedError } from '../gateways/vision/vision-service.ts';
import type { Money } from '../../shared/gateway/money.ts';
import { defaultPriceSheet, type PriceSheet } from '../../shared/gateway/prices.ts';
import type { VisionDetail, VisionTask } from '../../shared/vision/vision-contract.ts';
import { countTokens, visionCost, type TokenCount } from '../../shared/vision/vision-cost.ts';
import { defaultCallOptions, type GatewayCallOptions } from '../gateways/index.ts';
import { callVision } from '../gateways/vision/vision-call.ts';
import { encodeVisionFile } from '../gateways/vision/vision-image.ts';
import { instructionFor, maxTokensFor } from '../gateways/vision/vision-prompts.ts';
import { recordAnswer } from '../profiles/gateway-providers.ts';
import { createPriceStore } from '../usage/price-store.ts';
import { createUsageLog, type UsageLog } from '../usage/usage-log.ts';
import type { CliIo } from './cli-io.ts';
import { readInputFile } from './command-context.ts';
import { usageDataDir } from './data-dirs.ts';
import type { VisionTarget } from './vision-target.ts';

/**
 * One vision answer for the CLI: the file as the model should get it, the streamed call with
 * the app's retry policy, and the cost priced with the app's table and added to its usage log.
 */

export interface VisionRunner {
  run(path: string, request: { task: VisionTask; prompt: string; instruction?: string }, signal: AbortSignal, onText?: (text: string) => void): Promise<VisionAnswer>;
}

export interface VisionAnswer {
  text: string;
  model: string;
  tokens: TokenCount;
  cost: Money | undefined;
  incomplete: boolean;
  error?: InfillError;
}

export async function createVisionRunner(target: VisionTarget, options: { detail: VisionDetail; concurrency: number; explicitDataDir: string | undefined }, env: NodeJS.ProcessEnv, io: CliIo): Promise<VisionRunner> {
  const dataDir = target.dataDir ?? usageDataDir(options.explicitDataDir, env);
  let prices: PriceSheet = defaultPriceSheet;
  let usage: UsageLog | undefined;
  if (dataDir) {
    prices = (await createPriceStore({ dataDir })).sheetFor(target.profile.id);
    usage = createUsageLog({ dataDir });
  }
  const warn = (error: unknown) => io.err(`infill: warning: could not write the usage log: ${error instanceof Error ? error.message : String(error)}`);
  // Our side of the rate limit follows --concurrency; the relay's 429s are still honoured.
  const call: GatewayCallOptions = { ...defaultCallOptions, rateLimits: { ...defaultCallOptions.rateLimits, maxConcurrent: options.concurrency } };
  const { profile } = target;
  const protocol = profile.visionProtocol ?? 'openai-chat';

  return {
    async run(path, request, signal, onText) {
      const image = await encodeVisionFile(await readInputFile(path, 'image'), options.detail).catch((error: unknown) => {
        if (error instanceof InfillError) throw error;
        throw new InfillError('UNSUPPORTED_FORMAT', `“${path}” could not be read as an image (${error instanceof Error ? error.message.split('\n')[0] : String(error)}).`);
      });
      const instruction = request.instruction ?? instructionFor({ task: request.task, prompt: request.prompt });
      const result = await callVision({
        profile,
        apiKey: target.apiKey,
        request: { instruction, image, maxTokens: maxTokensFor[request.task] },
        options: call,
        signal,
        onText: onText ?? (() => undefined),
        notify: (step) => io.status(`infill: ${step.message}`),
      });
      if (result.refusal !== undefined) throw refusedError(profile.visionModel, result.refusal);
      const tokens = countTokens(result.usage, { instruction, width: image.width, height: image.height, protocol }, result.text);
      const cost = visionCost(profile.visionModel, tokens, prices);
      if (usage) await recordAnswer(usage, profile, { profileId: profile.id, model: profile.visionModel, images: 0, uploadBytes: image.bytes.length, ...(cost === undefined ? {} : { cost }) }, warn);
      return { text: result.text, model: profile.visionModel, tokens, cost, incomplete: result.incomplete, ...(result.error ? { error: result.error } : {}) };
    },
  };
}
