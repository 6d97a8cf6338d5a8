import type { VisionService } from '../gateways/vision/vision-service.ts';
import type { Handlers } from '../ipc/dispatch.ts';
import type { SelectionHandlers } from '../masks/selection-handlers.ts';
import type { JobRunner } from '../jobs/job-runner.ts';
import type { ProviderRegistry } from '../jobs/provider-registry.ts';
import type { AssetStore } from '../services/asset-store.ts';
import { exportImage } from '../services/export-image.ts';
import { importImage } from '../services/image-import.ts';
import type { SessionStore } from '../services/session-store.ts';

/** Channels served by their own modules (gateway settings, prices and usage). */
export type SettingsHandlers = Pick<Handlers, 'listProfiles' | 'saveProfile' | 'deleteProfile' | 'testConnection' | 'getPrices' | 'savePrices' | 'getUsage'>;

export interface HandlerServices {
  assets: AssetStore;
  jobs: JobRunner;
  providers: ProviderRegistry;
  session: SessionStore;
  appInfo: { version: string; platform: string; shell: 'electron' | 'browser' };
  settings: SettingsHandlers;
  selection: SelectionHandlers;
  vision: VisionService;
}

/** Every channel's handler as a plain function of its services: no Electron, no HTTP. */
export function createHandlers(services: HandlerServices): Handlers {
  const { assets, jobs, providers } = services;
  return {
    getAppInfo: async () => services.appInfo,
    importImage: async ({ name, bytes }) => ({ name, asset: await importImage(assets, name, bytes) }),
    readAsset: async ({ assetId }) => assets.read(assetId),
    retainAssets: async ({ assetIds }) => ({ released: await assets.retain(assetIds) }),
    exportImage: async (request) => exportImage(assets, request),
    listProviders: async () => ({ providers: providers.list(), defaultProviderId: providers.defaultId() }),
    estimateJob: async (input) => jobs.estimate(input),
    startJob: async (input) => jobs.start(input),
    cancelJob: async ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
    saveSession: async ({ entries }) => services.session.save(entries),
    loadSession: async () => services.session.load(),
    startVision: async (input) => services.vision.start(input),
    cancelVision: async ({ visionId }) => ({ cancelled: services.vision.cancel(visionId) }),
    ...services.settings,
    ...services.selection,
  };
}
