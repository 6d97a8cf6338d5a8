import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChannelInput } from '../../shared/contract/channels.ts';
import type { EventPayload, EventSink } from '../../shared/contract/events.ts';
import type { Candidate } from '../../shared/contract/schemas.ts';
import { InfillError } from '../../shared/errors.ts';
import { createFillRunner, type FillRunner } from '../engine/fill-runner.ts';
import { createJobRunner } from '../jobs/job-runner.ts';
import { createOfflineProvider, offlineProviderSpecs } from '../jobs/offline-provider.ts';
import { createProviderRegistry } from '../jobs/provider-registry.ts';
import type { JobEstimate, Provider } from '../jobs/provider.ts';
import { createAssetStore, type AssetStore } from '../services/asset-store.ts';

/**
 * The app's own services, composed for one CLI run: the offline engines in worker threads, the
 * providers, and — per scope — a content-addressed asset store and the job runner that flattens
 * the context region, runs the provider and composites only inside the mask. The CLI is a
 * different front on the same pipeline, not a second one.
 */

export type JobProgress = EventPayload<'jobProgress'>;
type StartJobInput = ChannelInput<'startJob'>;

/**
 * One image's worth of work. A batch opens one per image and disposes it when the image is
 * written, so a thousand 24 MP photos do not pile up in memory or in the temporary folder.
 */
export interface JobScope {
  assets: AssetStore;
  /** Runs one job to its end; aborting `signal` cancels it (the provider's work is aborted too). */
  runJob(input: StartJobInput, signal: AbortSignal, onProgress?: (progress: JobProgress) => void): Promise<Candidate[]>;
  /** What the job will run and about how long it takes (the app shows this before a long fill). */
  estimate(input: StartJobInput): JobEstimate;
  dispose(): Promise<void>;
}

export interface CliServices {
  openScope(): Promise<JobScope>;
  dispose(): Promise<void>;
}

export interface CliServiceOptions {
  /** The fill worker to run the engines in; without it they run on the main thread. */
  workerScript?: string;
  workerExecArgv?: string[];
  /** A gateway provider, when the command uses one. */
  gateway?: Provider;
}

type DoneListener = (done: EventPayload<'jobDone'>) => void;

export async function createCliServices(options: CliServiceOptions): Promise<CliServices> {
  const root = await mkdtemp(join(tmpdir(), 'infill-cli-'));
  const fill: FillRunner = createFillRunner({
    ...(options.workerScript ? { workerScript: options.workerScript } : {}),
    ...(options.workerExecArgv ? { execArgv: options.workerExecArgv } : {}),
  });
  const providers: Provider[] = offlineProviderSpecs.map((spec) => createOfflineProvider(spec, fill));
  if (options.gateway) providers.push(options.gateway);
  const registry = createProviderRegistry(() => providers);

  // Job ids are unique across runners, so one table routes every runner's events.
  const listeners = new Map<string, { progress?: (p: JobProgress) => void; done: DoneListener }>();
  const emit: EventSink = (name, payload) => {
    const listener = listeners.get((payload as { jobId: string }).jobId);
    if (!listener) return;
    if (name === 'jobProgress') listener.progress?.(payload as JobProgress);
    else if (name === 'jobDone') listener.done(payload as EventPayload<'jobDone'>);
  };
  const scopes = new Set<JobScope>();

  return {
    async openScope() {
      const dir = await mkdtemp(join(root, 'scope-'));
      const assets = await createAssetStore({ dir });
      const jobs = createJobRunner({ providers: registry, assets, emit });
      const scope: JobScope = {
        assets,
        estimate: (input) => jobs.estimate({ providerId: input.providerId, canvas: input.canvas, mask: input.mask }),
        runJob(input, signal, onProgress) {
          return new Promise<Candidate[]>((resolve, reject) => {
            if (signal.aborted) return reject(new InfillError('JOB_CANCELLED', 'Cancelled.'));
            const { jobId } = jobs.start(input);
            const onAbort = (): void => {
              jobs.cancel(jobId);
            };
            listeners.set(jobId, {
              ...(onProgress ? { progress: onProgress } : {}),
              done: (done) => {
                listeners.delete(jobId);
                signal.removeEventListener('abort', onAbort);
                if (done.ok) resolve(done.candidates);
                else reject(new InfillError(done.error.code, done.error.message, done.error.params));
              },
            });
            signal.addEventListener('abort', onAbort, { once: true });
          });
        },
        async dispose() {
          scopes.delete(scope);
          jobs.cancelAll();
          await rm(dir, { recursive: true, force: true });
        },
      };
      scopes.add(scope);
      return scope;
    },
    async dispose() {
      await Promise.all([...scopes].map((scope) => scope.dispose()));
      await fill.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}
