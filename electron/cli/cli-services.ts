import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventPayload } from '../../shared/contract/events.ts';
import type { Candidate } from '../../shared/contract/schemas.ts';
import type { ChannelInput } from '../../shared/contract/channels.ts';
import { InfillError } from '../../shared/errors.ts';
import type { EventSink } from '../app/events.ts';
import { createFillRunner, type FillRunner } from '../engine/fill-runner.ts';
import { createJobRunner } from '../jobs/job-runner.ts';
import { createOfflineProvider, offlineProviderSpecs } from '../jobs/offline-provider.ts';
import { createProviderRegistry } from '../jobs/provider-registry.ts';
import type { Provider } from '../jobs/provider.ts';
import { createAssetStore, type AssetStore } from '../services/asset-store.ts';

/**
 * The app's own services, composed for one CLI run: the content-addressed asset store (in a
 * temporary folder removed at the end), the offline engines in worker threads, and the job
 * runner that flattens the context region, runs the provider and composites only inside the
 * mask. The CLI is a different front on the same pipeline, not a second one.
 */

export type JobProgress = EventPayload<'jobProgress'>;
type StartJobInput = ChannelInput<'startJob'>;

export interface CliServices {
  assets: AssetStore;
  /** Runs one job to its end; aborting `signal` cancels it (the provider's work is aborted too). */
  runJob(input: StartJobInput, signal: AbortSignal, onProgress?: (progress: JobProgress) => void): Promise<Candidate[]>;
  dispose(): Promise<void>;
}

export interface CliServiceOptions {
  /** The fill worker to run the engines in; without it they run on the main thread. */
  workerScript?: string;
  workerExecArgv?: string[];
  /** A gateway provider, when the command uses one. */
  gateway?: Provider;
}

export async function createCliServices(options: CliServiceOptions): Promise<CliServices> {
  const dir = await mkdtemp(join(tmpdir(), 'infill-cli-'));
  const assets = await createAssetStore({ dir });
  const fill: FillRunner = createFillRunner({
    ...(options.workerScript ? { workerScript: options.workerScript } : {}),
    ...(options.workerExecArgv ? { execArgv: options.workerExecArgv } : {}),
  });
  const providers: Provider[] = offlineProviderSpecs.map((spec) => createOfflineProvider(spec, fill));
  if (options.gateway) providers.push(options.gateway);

  const listeners = new Map<string, { progress?: (p: JobProgress) => void; done: (d: EventPayload<'jobDone'>) => void }>();
  const emit: EventSink = (name, payload) => {
    const listener = listeners.get((payload as { jobId: string }).jobId);
    if (!listener) return;
    if (name === 'jobProgress') listener.progress?.(payload as JobProgress);
    else if (name === 'jobDone') listener.done(payload as EventPayload<'jobDone'>);
  };
  const jobs = createJobRunner({ providers: createProviderRegistry(() => providers), assets, emit });

  return {
    assets,
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
            else reject(new InfillError(done.error.code, done.error.message));
          },
        });
        signal.addEventListener('abort', onAbort, { once: true });
      });
    },
    async dispose() {
      jobs.cancelAll();
      await fill.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
