import { InfillError } from '../../shared/errors.ts';
import type { Rect } from '../../shared/geometry.ts';
import { isOutpaintOnlyModel, modelSpec } from '../../shared/gateway/model-sizes.ts';
import type { ProgressStep } from '../../shared/contract/progress-note.ts';
import type { Money } from '../../shared/gateway/money.ts';
import { progressSteps } from '../jobs/progress-steps.ts';
import { defaultPriceSheet, estimateCost, type PriceSheet } from '../../shared/gateway/prices.ts';
import type { GatewayProfile } from '../../shared/gateway/profile.ts';
import { isLoopbackHost } from '../../shared/gateway/profile.ts';
import type { Provider, ProviderCandidate, ProviderContext, ProviderJobInput } from '../jobs/provider.ts';
import { adapterFor } from './adapters/index.ts';
import type { AdapterContext, AdapterResult } from './adapters/types.ts';
import { outpaintBySide } from './outpaint-by-side.ts';
import { defaultCallOptions, openGatewaySession } from './gateway-session.ts';
import type { GatewayCallOptions, GatewaySession } from './gateway-session.ts';
import { chooseContextWindow, defaultContextOptions } from './prep/model-context-window.ts';
import type { ContextOptions } from './prep/model-context-window.ts';
import { defaultBlendOptions } from './prep/mask-ops.ts';
import type { BlendOptions } from './prep/mask-ops.ts';
import { DEFAULT_BUDGET_BYTES } from './prep/payload-budget.ts';
import type { UploadPreference } from './prep/payload-budget.ts';
import { finishCandidate, prepareJob } from './prep/prepare-job.ts';
import type { PreparedJob } from './prep/prepare-job.ts';

/**
 * A Provider (electron/jobs/provider.ts) backed by an OpenAI-compatible gateway: prep → call →
 * back to the crop. Holds no key: it asks `getKey` per job, so a key changed in settings applies
 * to the next job and never sits in this object.
 */

export interface GatewayProviderOptions {
  call: GatewayCallOptions;
  context: ContextOptions;
  blend: BlendOptions;
  /** Request body cap to plan for (many relays: 4 MB). */
  budgetBytes: number;
  /**
   * `compact` (default): JPEG q85 (4:2:0) wherever the model takes it, PNG where required
   * (dall-e-2). Outside the blend mask the original pixels are kept anyway, so this only changes
   * the context the model sees, at ~1/5 of the bytes. `lossless`: PNG whenever it fits.
   */
  upload: UploadPreference;
  /** Partial previews to ask for where the protocol streams them. */
  partialImages: number;
  prices: PriceSheet;
  /** Partial previews, as PNG bytes at upload size. */
  onPartialImage?: (png: Uint8Array, index: number) => void;
  /**
   * Called as soon as the gateway has answered, before compositing: the relay has billed by then,
   * even if the job is cancelled or fails afterwards, so a usage log should record it here.
   */
  onAnswered?: (answer: GatewayAnswer) => void;
}

export interface GatewayAnswer {
  profileId: string;
  model: string;
  images: number;
  /** Undefined when neither usage nor the price sheet says. */
  cost?: Money;
  uploadBytes: number;
}

export const defaultGatewayProviderOptions: GatewayProviderOptions = {
  call: defaultCallOptions,
  context: defaultContextOptions,
  blend: defaultBlendOptions,
  budgetBytes: DEFAULT_BUDGET_BYTES,
  upload: 'compact',
  partialImages: 0,
  prices: defaultPriceSheet,
};

function hostOf(baseUrl: string): string {
  return /^[a-z]+:\/\/([^/]+)/i.exec(baseUrl)?.[1] ?? baseUrl;
}

/** Images endpoints require a prompt; an empty one means "fill it in" (content-aware fill). */
export const DEFAULT_FILL_PROMPT = 'Fill the masked area so that it continues the surrounding picture seamlessly, with no new objects.';

const MAX_CANDIDATES = 10;

/** Where the runner's progress should be for each step, so the bar moves evenly. */
const STEP = { prepared: 0.1, sent: 0.15, received: 0.9 } as const;

function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new InfillError('JOB_CANCELLED', 'The job was cancelled.');
}

export function createGatewayProvider(
  profile: GatewayProfile,
  getKey: () => Promise<string | undefined>,
  overrides: Partial<GatewayProviderOptions> = {},
): Provider {
  const options: GatewayProviderOptions = { ...defaultGatewayProviderOptions, ...overrides };
  const spec = modelSpec(profile.model, profile.protocol);
  const adapter = adapterFor(profile.protocol);
  const host = hostOf(profile.baseUrl);

  async function call(prepared: PreparedJob, ctx: AdapterContext): Promise<AdapterResult> {
    const c = prepared.call;
    if (c.mode === 'generate') return adapter.generate(c.request, ctx);
    if (c.mode === 'outpaint' && adapter.outpaint) return adapter.outpaint(c.request, ctx);
    if (c.mode === 'outpaint-by-side') return outpaintBySide(adapter, c.request, ctx);
    if (c.mode === 'edit') return adapter.edit(c.request, ctx);
    throw new InfillError('INTERNAL', 'Outpaint prepared for an adapter without outpaint');
  }

  const prepOptions = {
    blend: options.blend,
    budgetBytes: options.budgetBytes,
    partialImages: options.partialImages,
    canOutpaint: adapter.outpaint !== undefined,
    upload: options.upload,
    ...(isOutpaintOnlyModel(profile.model, profile.protocol) ? { outpaintOnlyModel: profile.model } : {}),
  };

  /** Step 1: the key, the prompt the protocol needs, and the request planned within the budget. */
  async function prepare(input: ProviderJobInput): Promise<{ key: string | undefined; input: ProviderJobInput; prepared: PreparedJob }> {
    const key = await getKey();
    if (!key && !isLoopbackHost(host.replace(/:\d+$/, ''))) {
      throw new InfillError('AUTH_FAILED', `No API key is set for ${profile.name}. Add one in the gateway settings.`, { context: 'keyMissing', gateway: profile.name });
    }
    // Chat models get the empty prompt as is: their instruction already says what to do with it.
    const prompt = input.prompt.trim() === '' && profile.protocol !== 'chat-image' ? DEFAULT_FILL_PROMPT : input.prompt;
    if (prompt.length > spec.maxPromptChars) {
      throw new InfillError('INVALID_INPUT', `The prompt has ${prompt.length} characters; ${profile.model} takes at most ${spec.maxPromptChars}.`, {
        context: 'promptTooLong',
        length: prompt.length,
        model: profile.model,
        max: spec.maxPromptChars,
      });
    }
    // Images endpoints take n ≤ 10; chat and JSON relays take one per request and the adapters loop.
    const planned = { ...input, prompt, n: Math.max(1, Math.min(input.n, MAX_CANDIDATES)) };
    return { key, input: planned, prepared: await prepareJob(planned, profile.protocol, spec, prepOptions) };
  }

  /**
   * Step 2: the request, and on a 413 one retry at half the refused size (GATEWAYS.md §5).
   * Returns the answer and the job as finally sent (its plan is what the answer is sized to).
   */
  async function sendWithRetryOn413(
    input: ProviderJobInput,
    first: PreparedJob,
    session: GatewaySession,
    context: ProviderContext,
    onSent: () => void,
  ): Promise<{ result: AdapterResult; prepared: PreparedJob }> {
    const send = (prepared: PreparedJob): Promise<AdapterResult> => {
      const { width, height } = prepared.plan.size;
      context.progress(
        'running',
        STEP.prepared,
        prepared.uploadBytes > 0 ? progressSteps.uploading(profile.name, prepared.uploadBytes, width, height, prepared.plan.format) : progressSteps.requesting(profile.name, width, height),
      );
      onSent();
      context.progress('running', STEP.sent, progressSteps.waitingForModel(profile.model));
      return call(prepared, session.ctx);
    };
    try {
      return { result: await send(first), prepared: first };
    } catch (error) {
      if (!(error instanceof InfillError) || error.code !== 'PAYLOAD_TOO_LARGE' || first.uploadBytes === 0) throw error;
      const refused = first.uploadBytes;
      const smaller = await prepareJob(input, profile.protocol, spec, { ...prepOptions, budgetBytes: Math.floor(Math.min(options.budgetBytes, refused) / 2) });
      context.progress('running', STEP.sent, progressSteps.shrunk(profile.name, refused, smaller.uploadBytes));
      return { result: await send(smaller), prepared: smaller };
    }
  }

  /** Step 3: what the answer cost (usage, else the price table), reported as soon as it is known. */
  function price(result: AdapterResult, prepared: PreparedJob): Money | undefined {
    const totalCost = estimateCost(
      {
        model: profile.model,
        images: result.images.length,
        size: `${prepared.plan.size.width}x${prepared.plan.size.height}`,
        ...(result.imageUsage ? { imageUsage: result.imageUsage } : {}),
        ...(result.chatUsage ? { chatUsage: result.chatUsage } : {}),
      },
      options.prices,
    );
    options.onAnswered?.({
      profileId: profile.id,
      model: profile.model,
      images: result.images.length,
      uploadBytes: prepared.uploadBytes,
      ...(totalCost === undefined ? {} : { cost: totalCost }),
    });
    return totalCost;
  }

  /** Step 4: each answer back at crop size, colour-matched, kept only inside the blend mask. */
  async function finish(result: AdapterResult, input: ProviderJobInput, prepared: PreparedJob, totalCost: Money | undefined): Promise<ProviderCandidate[]> {
    const candidates: ProviderCandidate[] = [];
    for (const [index, bytes] of result.images.slice(0, input.n).entries()) {
      const finished = await finishCandidate(bytes, input, prepared, profile.name);
      candidates.push({
        image: finished.image,
        blendMask: finished.blendMask,
        seed: input.seed + index,
        model: profile.model,
        ...(totalCost === undefined ? {} : { cost: { amount: totalCost.amount / result.images.length, currency: totalCost.currency } }),
      });
    }
    return candidates;
  }

  async function run(jobInput: ProviderJobInput, context: ProviderContext): Promise<ProviderCandidate[]> {
    context.progress('preparing', 0, progressSteps.preparing(profile.name));
    const { key, input, prepared: first } = await prepare(jobInput);
    throwIfCancelled(context.signal);
    let fraction: number = STEP.prepared;
    const notify = (step: ProgressStep): void => context.progress('running', fraction, step);
    let partials = 0;
    const session = openGatewaySession(profile, key, options.call, context.signal, notify, (png, index) => {
      partials++;
      options.onPartialImage?.(png, index);
      context.preview?.(png);
      notify(progressSteps.partialPreview(partials, options.partialImages));
    });
    try {
      const { result, prepared } = await sendWithRetryOn413(input, first, session, context, () => (fraction = STEP.sent));
      if (result.images.length === 0) throw new InfillError('BAD_RESPONSE', `${profile.name} answered without any image; nothing was changed.`, { context: 'noImage', gateway: profile.name });
      context.progress('compositing', STEP.received, progressSteps.blending());
      const totalCost = price(result, prepared);
      throwIfCancelled(context.signal);
      const candidates = await finish(result, input, prepared, totalCost);
      context.progress('done', 1, progressSteps.done(totalCost));
      return candidates;
    } catch (error) {
      throw session.toError(error);
    } finally {
      session.dispose();
    }
  }

  return {
    info: {
      id: `gateway:${profile.id}`,
      label: profile.name,
      kind: 'gateway',
      supportsPrompt: true,
      description: `${profile.model} via ${host}`,
      gateway: { model: profile.model, host },
      tuning: profile.protocol === 'json-relay' ? ['seed', 'variations', 'strength', 'guidance'] : ['seed', 'variations'],
    },
    contextRegion(maskBounds: Rect, canvas: Rect): Rect {
      return chooseContextWindow(maskBounds, canvas, spec, options.context);
    },
    run,
  };
}

