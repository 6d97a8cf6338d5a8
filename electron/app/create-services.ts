import { join } from 'node:path';
import { createFillRunner } from '../engine/fill-runner.ts';
import type { Handlers } from '../ipc/dispatch.ts';
import { createJobRunner } from '../jobs/job-runner.ts';
import { createOfflineProvider, offlineProviderSpecs } from '../jobs/offline-provider.ts';
import { createProviderRegistry } from '../jobs/provider-registry.ts';
import { createAssetStore } from '../services/asset-store.ts';
import { createHandlers } from './create-handlers.ts';
import type { EventSink } from './events.ts';

export interface ServiceOptions {
  dataDir: string;
  emit: EventSink;
  /** The built fill-worker.js; without it fills run in-process (tests). */
  workerScript?: string;
  workerExecArgv?: string[];
  shell: 'electron' | 'browser';
  version: string;
}

export interface Services {
  handlers: Handlers;
  dispose(): Promise<void>;
}

/** Builds main's services once; Electron's IPC and the browser bridge both serve these handlers. */
export async function createServices(options: ServiceOptions): Promise<Services> {
  const assets = await createAssetStore({ dir: join(options.dataDir, 'assets') });
  const fill = createFillRunner({
    ...(options.workerScript ? { workerScript: options.workerScript } : {}),
    ...(options.workerExecArgv ? { execArgv: options.workerExecArgv } : {}),
  });
  const offline = offlineProviderSpecs.map((spec) => createOfflineProvider(spec, fill));
  const providers = createProviderRegistry(() => offline);
  const jobs = createJobRunner({ providers, assets, emit: options.emit });
  const handlers = createHandlers({
    assets,
    jobs,
    providers,
    appInfo: { version: options.version, platform: process.platform, shell: options.shell },
  });
  return {
    handlers,
    async dispose() {
      jobs.cancelAll();
      await fill.close();
    },
  };
}
