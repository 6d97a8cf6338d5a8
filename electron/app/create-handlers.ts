import type { Handlers } from '../ipc/dispatch.ts';
import type { JobRunner } from '../jobs/job-runner.ts';
import type { ProviderRegistry } from '../jobs/provider-registry.ts';
import type { AssetStore } from '../services/asset-store.ts';
import { exportImage } from '../services/export-image.ts';
import { importImage } from '../services/image-import.ts';
import type { PreferenceStore } from '../preferences/preference-store.ts';
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
  preferences: PreferenceStore;
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
    getPreferences: async () => services.preferences.get(),
    savePreferences: async (preferences) => services.preferences.save(preferences),
    ...services.settings,
  };
}
