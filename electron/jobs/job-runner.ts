import { randomBytes } from 'node:crypto';
import type { ChannelInput } from '../../shared/contract/channels.ts';
import type { EventPayload, EventSink } from '../../shared/contract/events.ts';
import type { Candidate, MaskInput } from '../../shared/contract/schemas.ts';
import { intersectRects, isEmptyRect, type Rect } from '../../shared/geometry.ts';
import { InfillError, toErrorInfo } from '../../shared/errors.ts';
import { describeError, scopedLogger, withJobLog } from '../log/log.ts';
import type { AssetStore } from '../services/asset-store.ts';
import { flattenRegion } from '../services/flatten.ts';
import { encodeRgba, probeImage } from '../services/image-codec.ts';
import { candidateLayerPixels } from './candidate-layer.ts';
import { cropMask, paintedBounds } from './mask-region.ts';
import type { ProviderRegistry } from './provider-registry.ts';
import type { JobEstimate, Provider } from './provider.ts';

type StartJobInput = ChannelInput<'startJob'>;

type EstimateJobInput = ChannelInput<'estimateJob'>;

export interface JobRunner {
  /** What a job with this mask would run and roughly how long it would take, before starting it. */
  estimate(input: EstimateJobInput): JobEstimate;
  /** Checks the request, then runs it in the background; progress and the result arrive as events. */
  start(input: StartJobInput): { jobId: string };
  /** Frees the UI at once: `jobDone` (cancelled) is sent now, and the provider's work is aborted. */
  cancel(jobId: string): boolean;
  cancelAll(): void;
}

const log = scopedLogger('jobs');

/** Share of the job's progress bar each stage ends at. */
const STAGE_END = { preparing: 0.1, running: 0.9, compositing: 1 } as const;

export function createJobRunner(deps: { providers: ProviderRegistry; assets: AssetStore; emit: EventSink }): JobRunner {
  const running = new Map<string, AbortController>();
  const { emit } = deps;

  function finish(jobId: string, startedAt: number, outcome: { candidates: Candidate[] } | { error: unknown }): void {
    const ms = Math.round(performance.now() - startedAt);
    if ('candidates' in outcome) log.info('job done', { job: jobId, ms, candidates: outcome.candidates.length });
    else log.warn('job failed', { job: jobId, ms, error: describeError(outcome.error) });
    if (!running.delete(jobId)) return; // already cancelled: the person has moved on
    if ('candidates' in outcome) emit('jobDone', { jobId, ok: true, candidates: outcome.candidates });
    else emit('jobDone', { jobId, ok: false, error: toErrorInfo(outcome.error) });
  }

  /** The provider and the context region it wants around the painted mask; refuses an empty mask. */
  function plan(input: { providerId: string; canvas: Rect; mask: MaskInput }): { provider: Provider; region: Rect } {
    const provider = deps.providers.get(input.providerId);
    const bounds = paintedBounds(input.mask);
    if (!bounds || isEmptyRect(intersectRects(bounds, input.canvas))) {
      throw new InfillError('EMPTY_MASK', 'Paint a mask over the area to change first.');
    }
    return { provider, region: intersectRects(provider.contextRegion(bounds, input.canvas), input.canvas) };
  }

  async function run(jobId: string, input: StartJobInput, planned: ReturnType<typeof plan>, signal: AbortSignal): Promise<Candidate[]> {
    const { provider, region } = planned;
    emit('jobProgress', { jobId, stage: 'preparing', progress: 0.02 });
    const image = await flattenRegion(input.layers, region, (id) => deps.assets.readRgba(id));
    const mask = cropMask(input.mask, region);
    throwIfAborted(signal);
    emit('jobProgress', { jobId, stage: 'running', progress: STAGE_END.preparing });

    let last: EventPayload<'jobProgress'> = { jobId, stage: 'running', progress: STAGE_END.preparing };
    const answers = await provider.run(
      {
        image,
        mask,
        region,
        canvas: input.canvas,
        prompt: input.prompt,
        seed: input.seed ?? randomSeed(),
        n: input.n ?? 1,
        ...(input.strength !== undefined ? { strength: input.strength } : {}),
        ...(input.guidance !== undefined ? { guidance: input.guidance } : {}),
        ...(input.exclude ? { exclude: cropMask(input.exclude, region) } : {}),
      },
      {
        signal,
        progress: (stage, fraction, step) => {
          if (signal.aborted) return;
          const span = STAGE_END.running - STAGE_END.preparing;
          const progress = STAGE_END.preparing + span * Math.min(1, Math.max(0, fraction));
          last = { jobId, stage, progress, ...(step ? { message: step.message, note: step.note } : {}), ...(last.preview ? { preview: last.preview } : {}) };
          emit('jobProgress', last);
        },
        preview: (encoded) => {
          storePreview(deps.assets, encoded).then(
            (assetId) => {
              if (signal.aborted || !assetId) return;
              last = { ...last, preview: { assetId, rect: region } };
              emit('jobProgress', last);
            },
            () => undefined, // a preview that cannot be read is simply not shown
          );
        },
      },
    );
    throwIfAborted(signal);
    emit('jobProgress', { jobId, stage: 'compositing', progress: STAGE_END.running });

    const candidates: Candidate[] = [];
    for (const answer of answers) {
      if (answer.image.width !== region.width || answer.image.height !== region.height) {
        throw new InfillError('BAD_RESPONSE', `${provider.info.label} returned an image of the wrong size.`, { context: 'wrongSize', gateway: provider.info.label });
      }
      const layer = candidateLayerPixels(answer.image, answer.blendMask ?? mask, region);
      if (!layer) continue;
      const png = await encodeRgba(layer.image, 'png', 100, { fast: true });
      const asset = await deps.assets.put(png, { width: layer.rect.width, height: layer.rect.height, mime: 'image/png' }, layer.image);
      candidates.push({
        assetId: asset.assetId,
        ...layer.rect,
        seed: answer.seed,
        providerId: provider.info.id,
        ...(answer.model ? { model: answer.model } : {}),
        ...(answer.cost !== undefined ? { cost: answer.cost } : {}),
      });
    }
    if (candidates.length === 0) throw new InfillError('JOB_FAILED', `${provider.info.label} returned no usable result.`, { gateway: provider.info.label });
    throwIfAborted(signal);
    emit('jobProgress', { jobId, stage: 'done', progress: 1 });
    return candidates;
  }

  return {
    estimate(input) {
      const { provider, region } = plan(input);
      if (!provider.estimate) return { seconds: null, detail: provider.info.label };
      return provider.estimate(cropMask(input.mask, region), region);
    },

    start(input) {
      const planned = plan(input);
      const jobId = `job-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
      const controller = new AbortController();
      running.set(jobId, controller);
      emit('jobProgress', { jobId, stage: 'queued', progress: 0 });
      const startedAt = performance.now();
      const { region } = planned;
      log.info('job started', { job: jobId, provider: input.providerId, region: `${region.width}x${region.height}@${region.x},${region.y}`, n: input.n ?? 1 });
      withJobLog(jobId, () => run(jobId, input, planned, controller.signal)).then(
        (candidates) => finish(jobId, startedAt, { candidates }),
        (error: unknown) => finish(jobId, startedAt, { error }),
      );
      return { jobId };
    },

    cancel(jobId) {
      const controller = running.get(jobId);
      if (!controller) return false;
      running.delete(jobId);
      controller.abort();
      log.info('job cancelled', { job: jobId });
      emit('jobDone', { jobId, ok: false, error: { code: 'JOB_CANCELLED', message: 'Generation cancelled.' } });
      return true;
    },

    cancelAll() {
      for (const jobId of [...running.keys()]) this.cancel(jobId);
    },
  };
}

/** Keeps a streamed partial image as an asset the renderer can draw; undefined if it is not an image. */
async function storePreview(assets: AssetStore, encoded: Uint8Array): Promise<string | undefined> {
  const probe = await probeImage(encoded, 'partial preview');
  if (!probe.displayMime) return undefined;
  const asset = await assets.put(encoded, { width: probe.width, height: probe.height, mime: probe.displayMime });
  return asset.assetId;
}

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new InfillError('JOB_CANCELLED', 'Generation cancelled.');
}

function randomSeed(): number {
  return randomBytes(4).readUInt32BE(0) & 0x7fffffff;
}
