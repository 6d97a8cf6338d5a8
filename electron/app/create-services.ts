import { join } from 'node:path';
import { createFillRunner } from '../engine/fill-runner.ts';
import type { Handlers } from '../ipc/dispatch.ts';
import { createJobRunner } from '../jobs/job-runner.ts';
import { createOfflineProvider, offlineProviderSpecs } from '../jobs/offline-provider.ts';
import { createProviderRegistry } from '../jobs/provider-registry.ts';
import type { SafeStorageLike } from '../keys/key-store.ts';
import { createPreferenceStore, type PreferenceStore } from '../preferences/preference-store.ts';
import { createGatewaySettings } from '../profiles/gateway-settings.ts';
import { createProjectSaves, type ChooseProjectPath } from '../projects/project-saves.ts';
import { createRecentProjects } from '../projects/recent-projects.ts';
import { createAssetStore } from '../services/asset-store.ts';
import { createSelectionHandlers } from '../masks/selection-handlers.ts';
import { createSegmentService } from '../segment/segment-service.ts';
import { createSegmenter } from '../segment/segmenter.ts';
import { createSessionStore, sessionAssetIds } from '../services/session-store.ts';
import { createHandlers } from './create-handlers.ts';
import type { EventSink } from '../../shared/contract/events.ts';

export interface ServiceOptions {
  dataDir: string;
  emit: EventSink;
  /** The built fill-worker.js; without it fills run in-process (tests). */
  workerScript?: string;
  /** The built segment-worker.js; without it object selection runs in-process (tests). */
  segmentWorkerScript?: string;
  workerExecArgv?: string[];
  shell: 'electron' | 'browser';
  version: string;
  /** Electron's safeStorage (main.ts); the browser bridge has none, so keys stay session-only unless opted in. */
  safeStorage?: SafeStorageLike;
  /** INFILL_API_KEY, for profiles without a key of their own. */
  environmentKey?: string;
  /** Electron's native Save dialog for projects; without it (the browser) Save is a download. */
  chooseProjectPath?: ChooseProjectPath;
}

export interface Services {
  handlers: Handlers;
  /** The language override; Electron words its native menu with it. */
  preferences: PreferenceStore;
  dispose(): Promise<void>;
}

/** Builds main's services once; Electron's IPC and the browser bridge both serve these handlers. */
export async function createServices(options: ServiceOptions): Promise<Services> {
  const assets = await createAssetStore({ dir: join(options.dataDir, 'assets'), keepOnDisk: await sessionAssetIds(options.dataDir) });
  const session = createSessionStore(options.dataDir);
  const fill = createFillRunner({
    ...(options.workerScript ? { workerScript: options.workerScript } : {}),
    ...(options.workerExecArgv ? { execArgv: options.workerExecArgv } : {}),
  });
  const offline = offlineProviderSpecs.map((spec) => createOfflineProvider(spec, fill));
  const gateways = await createGatewaySettings({
    dataDir: options.dataDir,
    ...(options.safeStorage ? { safeStorage: options.safeStorage } : {}),
    ...(options.environmentKey ? { environmentKey: options.environmentKey } : {}),
  });
  // Gateways first: the registry's default is the first gateway when one is configured.
  const providers = createProviderRegistry(() => [...gateways.providers(), ...offline]);
  const jobs = createJobRunner({ providers, assets, emit: options.emit });
  const segmenter = createSegmenter({
    ...(options.segmentWorkerScript ? { workerScript: options.segmentWorkerScript } : {}),
    ...(options.workerExecArgv ? { execArgv: options.workerExecArgv } : {}),
  });
  const segment = createSegmentService({ segmenter, readRgba: (assetId) => assets.readRgba(assetId) });
  const vision = gateways.createVision({ assets, emit: options.emit });
  const preferences = await createPreferenceStore({ dataDir: options.dataDir });
  const handlers = createHandlers({
    assets,
    jobs,
    providers,
    session,
    recent: createRecentProjects(options.dataDir),
    appInfo: { version: options.version, platform: process.platform, shell: options.shell },
    settings: gateways.handlers,
    selection: createSelectionHandlers({ assets, segment }),
    vision,
    preferences,
    ...(options.chooseProjectPath ? { projectSaves: createProjectSaves(options.chooseProjectPath) } : {}),
  });
  return {
    handlers,
    preferences,
    async dispose() {
      jobs.cancelAll();
      vision.cancelAll();
      await Promise.all([fill.close(), segmenter.close()]);
    },
  };
}
