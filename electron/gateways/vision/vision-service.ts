import { randomBytes } from 'node:crypto';
import type { MaskInput } from '../../../shared/contract/schemas.ts';
import { InfillError, toErrorInfo } from '../../../shared/errors.ts';
import { isLoopbackHost, type GatewayProfile } from '../../../shared/gateway/profile.ts';
import type { Money } from '../../../shared/gateway/money.ts';
import type { PriceSheet } from '../../../shared/gateway/prices.ts';
import { intersectRects, isEmptyRect, padRect, type Rect } from '../../../shared/geometry.ts';
import { type startVisionInputSchema, type VisionDone, type VisionTask } from '../../../shared/vision/vision-contract.ts';
import { countTokens, visionCost } from '../../../shared/vision/vision-cost.ts';
import type { z } from 'zod';
import type { EventSink } from '../../../shared/contract/events.ts';
import { cropMask, paintedBounds } from '../../jobs/mask-region.ts';
import type { AssetStore } from '../../services/asset-store.ts';
import { flattenRegion } from '../../services/flatten.ts';
import type { GatewayCallOptions } from '../gateway-session.ts';
import { callVision } from './vision-call.ts';
import { drawMaskOutline, encodeVisionImage } from './vision-image.ts';
import { instructionFor, maxTokensFor } from './vision-prompts.ts';
import type { VisionImage } from './vision-types.ts';

/**
 * Prompt help in the app: picks the profile with a vision model, prepares the picture, streams
 * the answer as `visionDelta` events and ends with one `visionDone`, prices it and logs it in
 * Usage like a job. Stop answers at once with the text so far; the request is aborted behind it.
 */

type StartInput = z.output<typeof startVisionInputSchema>;

export interface VisionProfile extends GatewayProfile {
  callOptions: GatewayCallOptions;
}

export interface VisionServiceDeps {
  profiles: () => readonly VisionProfile[];
  getKey: (profileId: string) => Promise<string | undefined>;
  /** The price sheet a profile's answers are billed with (its own currency). */
  prices: (profileId: string) => PriceSheet;
  assets: Pick<AssetStore, 'readRgba'>;
  emit: EventSink;
  /** Every answer that was billed (whole, stopped or broken), for the usage log. */
  onBilled: (profile: GatewayProfile, model: string, cost: Money | undefined) => void;
}

export interface VisionService {
  start(input: StartInput): Promise<{ visionId: string; model: string }>;
  cancel(visionId: string): boolean;
  cancelAll(): void;
}

interface Running {
  controller: AbortController;
  task: VisionTask;
  profile: VisionProfile;
  text: string;
  /** The usage log has this answer: a stop bills at once, and the stream ending later must not bill again. */
  billed: boolean;
  /** What the stop-time estimate needs when the stream reported nothing. */
  sent?: { instruction: string; width: number; height: number };
}

/** The first profile with a vision model, or the one asked for if it has one. */
export function pickVisionProfile<P extends GatewayProfile>(profiles: readonly P[], wanted?: string): P {
  const withVision = profiles.filter((p) => p.visionModel);
  const chosen = (wanted ? withVision.find((p) => p.id === wanted) : undefined) ?? withVision[0];
  if (!chosen) throw new InfillError('NO_VISION_MODEL', 'No gateway has a vision model set. Add one in Gateways… (Vision model) to get prompt help.');
  return chosen;
}

/** Suggest sees the mask's surroundings: its box padded by its own size (at least 128 px). */
export function suggestRegion(bounds: Rect, canvas: Rect): Rect {
  return intersectRects(padRect(bounds, Math.max(128, Math.max(bounds.width, bounds.height)), canvas), canvas);
}

export function createVisionService(deps: VisionServiceDeps): VisionService {
  const running = new Map<string, Running>();

  function finish(visionId: string, done: Omit<VisionDone, 'visionId'>): void {
    if (!running.delete(visionId)) return;
    deps.emit('visionDone', { visionId, ...done });
  }

  async function prepare(input: StartInput, signal: AbortSignal): Promise<{ image: VisionImage; extension: boolean }> {
    if (input.task !== 'suggest' || !input.mask) {
      const flat = await flattenRegion(input.layers, input.canvas, (id) => deps.assets.readRgba(id));
      return { image: await encodeVisionImage(flat, input.detail), extension: false };
    }
    const region = suggestRegion(paintedBounds(input.mask)!, input.canvas);
    const flat = await flattenRegion(input.layers, region, (id) => deps.assets.readRgba(id));
    const mask = cropMask(input.mask as MaskInput, region);
    if (signal.aborted) throw new InfillError('JOB_CANCELLED', 'Stopped.');
    const extension = mostlyEmpty(flat.data, mask);
    // About 3 px of outline in the picture the model sees, whatever the downscale.
    const scale = Math.max(region.width, region.height) / Math.min(Math.max(region.width, region.height), 1024);
    drawMaskOutline(flat, mask, Math.max(2, Math.round(2 * scale)));
    return { image: await encodeVisionImage(flat, input.detail), extension };
  }

  async function run(visionId: string, input: StartInput, entry: Running): Promise<void> {
    const { profile, controller } = entry;
    const model = profile.visionModel ?? '';
    const protocol = profile.visionProtocol ?? 'openai-chat';
    const base = { task: input.task, model, gatewayName: profile.name };
    const bill = (text: string, reported: { inputTokens?: number | undefined; outputTokens?: number | undefined }) => {
      if (entry.billed || !entry.sent) return undefined;
      entry.billed = true;
      const tokens = countTokens(reported, { ...entry.sent, protocol }, text);
      const cost = visionCost(model, tokens, deps.prices(profile.id));
      deps.onBilled(profile, model, cost);
      return { ...tokens, ...(cost === undefined ? {} : { cost }) };
    };
    try {
      const key = await deps.getKey(profile.id);
      const host = /^[a-z]+:\/\/([^/:]+)/i.exec(profile.baseUrl)?.[1] ?? '';
      if (!key && !isLoopbackHost(host)) throw new InfillError('AUTH_FAILED', `No API key is set for ${profile.name}. Add one in the gateway settings.`);
      const { image, extension } = await prepare(input, controller.signal);
      const instruction = instructionFor({ task: input.task, prompt: input.prompt, extension });
      entry.sent = { instruction, width: image.width, height: image.height };
      const result = await callVision({
        profile,
        apiKey: key,
        request: { instruction, image, maxTokens: maxTokensFor[input.task] },
        options: profile.callOptions,
        signal: controller.signal,
        onText: (text) => {
          if (!running.has(visionId)) return;
          entry.text += text;
          deps.emit('visionDelta', { visionId, text });
        },
        notify: (step) => {
          if (running.has(visionId)) deps.emit('visionStatus', { visionId, note: step.note });
        },
      });
      const cost = bill(result.text, result.usage);
      const refusal = result.refusal;
      finish(visionId, {
        ...base,
        text: result.text,
        incomplete: result.incomplete,
        refused: refusal !== undefined,
        estimated: cost?.estimated ?? true,
        ...(cost ? { inputTokens: cost.inputTokens, outputTokens: cost.outputTokens } : {}),
        ...(cost?.cost === undefined ? {} : { cost: cost.cost }),
        ...(refusal !== undefined
          ? { error: refusedError(model, refusal).toInfo() }
          : result.error
            ? { error: result.error.toInfo() }
            : {}),
      });
    } catch (error) {
      // Billed only if the request went out and text came back before it failed.
      const cost = entry.text ? bill(entry.text, {}) : undefined;
      finish(visionId, {
        ...base,
        text: entry.text,
        incomplete: entry.text !== '',
        refused: false,
        estimated: true,
        ...(cost?.cost === undefined ? {} : { cost: cost.cost }),
        error: toErrorInfo(error),
      });
    }
  }

  return {
    async start(input) {
      const profile = pickVisionProfile(deps.profiles(), input.profileId);
      if (input.task === 'translate' && !input.prompt.trim()) throw new InfillError('INVALID_INPUT', 'Type a prompt to translate first.');
      const bounds = input.mask ? paintedBounds(input.mask as MaskInput) : null;
      if (input.task === 'suggest' && (!bounds || isEmptyRect(intersectRects(bounds, input.canvas)))) {
        throw new InfillError('EMPTY_MASK', 'Paint a mask over the area first; Suggest prompt describes what should fill it.');
      }
      const visionId = `vision-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
      const entry: Running = { controller: new AbortController(), task: input.task, profile, text: '', billed: false };
      running.set(visionId, entry);
      void run(visionId, input, entry);
      return { visionId, model: profile.visionModel ?? '' };
    },

    cancel(visionId) {
      const entry = running.get(visionId);
      if (!entry) return false;
      entry.controller.abort();
      const model = entry.profile.visionModel ?? '';
      // The relay bills what it generated before the stop: estimate it from the text shown.
      const protocol = entry.profile.visionProtocol ?? 'openai-chat';
      const tokens = entry.sent && entry.text && !entry.billed ? countTokens({}, { ...entry.sent, protocol }, entry.text) : undefined;
      const cost = tokens ? visionCost(model, tokens, deps.prices(entry.profile.id)) : undefined;
      if (tokens) {
        entry.billed = true;
        deps.onBilled(entry.profile, model, cost);
      }
      finish(visionId, {
        task: entry.task,
        model,
        gatewayName: entry.profile.name,
        text: entry.text,
        incomplete: true,
        refused: false,
        estimated: true,
        ...(tokens ? { inputTokens: tokens.inputTokens, outputTokens: tokens.outputTokens } : {}),
        ...(cost === undefined ? {} : { cost }),
      });
      return true;
    },

    cancelAll() {
      for (const id of [...running.keys()]) this.cancel(id);
    },
  };
}

export function refusedError(model: string, words: string): InfillError {
  const quoted = words.slice(0, 300);
  return new InfillError('VISION_REFUSED', `${model} declined: “${quoted}”`, { model, words: quoted });
}

/** Most of the outlined area has no pixels yet: the canvas was extended there. */
function mostlyEmpty(rgba: Uint8Array, mask: Uint8Array): boolean {
  let inside = 0;
  let empty = 0;
  for (let i = 0; i < mask.length; i++) {
    if ((mask[i] ?? 0) < 128) continue;
    inside++;
    if ((rgba[i * 4 + 3] ?? 0) === 0) empty++;
  }
  return inside > 0 && empty / inside > 0.5;
}
