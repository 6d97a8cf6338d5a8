import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { EventPayload } from '../../shared/contract/events.ts';
import type { ChannelInput } from '../../shared/contract/channels.ts';
import type { MaskInput } from '../../shared/contract/schemas.ts';
import type { GatewayProfile } from '../../shared/gateway/profile.ts';
import { createGatewayProvider, defaultCallOptions } from '../../electron/gateways/index.ts';
import type { GatewayProviderOptions } from '../../electron/gateways/index.ts';
import { createJobRunner } from '../../electron/jobs/job-runner.ts';
import type { JobRunner } from '../../electron/jobs/job-runner.ts';
import { createProviderRegistry } from '../../electron/jobs/provider-registry.ts';
import type { Provider } from '../../electron/jobs/provider.ts';
import { createAssetStore } from '../../electron/services/asset-store.ts';
import type { AssetStore } from '../../electron/services/asset-store.ts';
import { TEST_API_KEY } from '../../tests/gateway/test-gateway.ts';

/**
 * The app's own job path, as main wires it: asset store → job runner → gateway provider, with
 * every progress event time-stamped, so one job run says when the context region was flattened,
 * when the request was ready to upload, when the answer came back and when the layer was stored.
 */

type Done = EventPayload<'jobDone'>;
type Progress = EventPayload<'jobProgress'>;
export type StartJob = ChannelInput<'startJob'>;

export interface JobTimes {
  /** ms from `jobs.start` to each milestone. */
  flattened: number;
  /** The provider has its prepared request and starts the upload. */
  prepared: number;
  /** The gateway's answer is in (decoded to bytes); compositing starts. */
  answered: number;
  done: number;
  /** The provider's "Uploading 1.2 MB (1024×1024 PNG) to …" message. */
  uploadMessage: string;
  result: Done;
}

/** A gateway profile's provider with the app's defaults, except the per-minute request limit. */
export function gatewayProvider(id: string, baseUrl: string, protocol: GatewayProfile['protocol'], model: string, overrides: Partial<GatewayProviderOptions> = {}): Provider {
  // 30 requests a minute is the app's default policy; a benchmark that runs dozens of jobs in a
  // minute would time the limiter's wait, not the app's work.
  const call = { ...defaultCallOptions, rateLimits: { maxConcurrent: 2, requestsPerMinute: 100_000 } };
  return createGatewayProvider({ id, name: `Local ${protocol}`, baseUrl, protocol, model }, async () => TEST_API_KEY, { call, ...overrides });
}

export interface AppHarness {
  assets: AssetStore;
  jobs: JobRunner;
  run(input: StartJob): Promise<JobTimes>;
  dispose(): Promise<void>;
}

export async function createAppHarness(providers: readonly Provider[]): Promise<AppHarness> {
  const dir = await mkdtemp(join(tmpdir(), 'infill-bench-gateway-'));
  const assets = await createAssetStore({ dir });
  let log: Array<{ t: number; progress: Progress }> = [];
  let onDone: ((done: Done) => void) | undefined;
  const jobs = createJobRunner({
    assets,
    providers: createProviderRegistry(() => providers),
    emit: (name, payload) => {
      const t = performance.now();
      if (name === 'jobProgress') log.push({ t, progress: payload as Progress });
      if (name === 'jobDone') onDone?.(payload as Done);
    },
  });
  return {
    assets,
    jobs,
    async run(input) {
      log = [];
      const done = new Promise<Done>((resolve) => (onDone = resolve));
      const t0 = performance.now();
      jobs.start(input);
      const result = await done;
      const end = performance.now() - t0;
      if (!result.ok) throw new Error(`job failed: ${result.error.code} ${result.error.message}`);
      const at = (test: (p: Progress) => boolean): number => {
        const hit = log.find((entry) => test(entry.progress));
        if (!hit) throw new Error('a progress milestone is missing; did the provider change its messages?');
        return hit.t - t0;
      };
      const upload = log.find((entry) => /^(Uploading|Requesting)/.test(entry.progress.message ?? ''));
      return {
        uploadMessage: upload?.progress.message ?? '',
        flattened: at((p) => p.message?.startsWith('Preparing the crop') ?? false),
        prepared: at((p) => /^(Uploading|Requesting)/.test(p.message ?? '')),
        answered: at((p) => p.stage === 'compositing'),
        done: end,
        result,
      };
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A soft disc as the brush paints it, cropped to its box (what the renderer sends as the mask). */
export function softDisc(cx: number, cy: number, r: number): MaskInput {
  const size = 2 * r + 2;
  const x0 = Math.round(cx - size / 2);
  const y0 = Math.round(cy - size / 2);
  const alpha = new Uint8Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x + 0.5 - size / 2, y + 0.5 - size / 2);
      alpha[y * size + x] = d < r - 4 ? 255 : d < r ? Math.round(((r - d) / 4) * 255) : 0;
    }
  }
  return { x: x0, y: y0, width: size, height: size, alpha };
}

/** Share of the canvas the mask paints (any non-zero byte). */
export function maskShare(mask: MaskInput, canvasPixels: number): number {
  let painted = 0;
  for (const a of mask.alpha) if (a > 0) painted++;
  return painted / canvasPixels;
}
