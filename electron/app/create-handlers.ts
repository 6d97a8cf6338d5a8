import type { VisionService } from '../gateways/vision/vision-service.ts';
import type { Handlers } from '../ipc/dispatch.ts';
import type { SelectionHandlers } from '../masks/selection-handlers.ts';
import type { JobRunner } from '../jobs/job-runner.ts';
import type { ProviderRegistry } from '../jobs/provider-registry.ts';
import type { AssetStore } from '../services/asset-store.ts';
import { exportDocument } from '../export/export-document.ts';
import { exportMaskPng } from '../export/mask-export.ts';
import { flattenToAsset } from '../services/flatten-to-asset.ts';
import { projectFileName } from '../../shared/contract/project-schemas.ts';
import { readProject } from '../projects/read-project.ts';
import type { ProjectSaves } from '../projects/project-saves.ts';
import type { RecentProjects } from '../projects/recent-projects.ts';
import { writeProject } from '../projects/write-project.ts';
import { importImage } from '../services/image-import.ts';
import type { PreferenceStore } from '../preferences/preference-store.ts';
import type { SessionStore } from '../services/session-store.ts';
import type { SettingsHandlers } from '../profiles/gateway-settings.ts';


export interface HandlerServices {
  assets: AssetStore;
  jobs: JobRunner;
  providers: ProviderRegistry;
  session: SessionStore;
  recent: RecentProjects;
  appInfo: { version: string; platform: string; shell: 'electron' | 'browser' };
  settings: SettingsHandlers;
  selection: SelectionHandlers;
  vision: VisionService;
  preferences: PreferenceStore;
  /** Electron only: Save writes where the person chose; without it the renderer downloads the bytes. */
  projectSaves?: ProjectSaves;
}

/** Every channel's handler as a plain function of its services: no Electron, no HTTP. */
export function createHandlers(services: HandlerServices): Handlers {
  const { assets, jobs, providers } = services;
  // Open recent is a convenience: a failure to keep the copy must not fail the save itself.
  const rememberRecent = (name: string, bytes: Uint8Array) => void services.recent.remember(name, bytes).catch(() => undefined);
  return {
    getAppInfo: async () => services.appInfo,
    importImage: async ({ name, bytes, keepPixels }) => ({ name, asset: await importImage(assets, name, bytes, { keepPixels: keepPixels === true }) }),
    readAsset: async ({ assetId }) => assets.read(assetId),
    retainAssets: async ({ assetIds }) => ({ released: await assets.retain(assetIds) }),
    exportImage: async (request) => exportDocument(assets, request),
    saveProject: async ({ saveAs = false, ...content }) => {
      const fileName = projectFileName(content.name);
      const pack = () => writeProject(assets, content, `Infill ${services.appInfo.version}`);
      if (!services.projectSaves) {
        const bytes = await pack();
        rememberRecent(fileName, bytes);
        return { outcome: 'download' as const, bytes, fileName };
      }
      const saved = await services.projectSaves.save(fileName, saveAs, pack);
      if (saved.outcome === 'cancelled') return saved;
      rememberRecent(saved.fileName, saved.bytes);
      return { outcome: 'written' as const, fileName: saved.fileName };
    },
    openProject: async ({ name, bytes }) => {
      const opened = await readProject(assets, bytes, name);
      rememberRecent(name, bytes);
      return { ...opened, history: opened.history ?? null };
    },
    listRecentProjects: async () => ({ projects: (await services.recent.list()).map(({ id, name, at }) => ({ id, name, at })) }),
    openRecentProject: async ({ id }) => {
      const { name, bytes } = await services.recent.read(id);
      const opened = await readProject(assets, bytes, name);
      return { ...opened, history: opened.history ?? null };
    },
    flattenLayers: async ({ region, layers }) => flattenToAsset(assets, region, layers),
    exportMask: async ({ canvas, mask }) => ({ bytes: await exportMaskPng(canvas, mask) }),
    listProviders: async () => ({ providers: providers.list(), defaultProviderId: providers.defaultId() }),
    estimateJob: async (input) => jobs.estimate(input),
    startJob: async (input) => jobs.start(input),
    cancelJob: async ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
    saveSession: async ({ entries }) => services.session.save(entries),
    loadSession: async () => services.session.load(),
    startVision: async (input) => services.vision.start(input),
    cancelVision: async ({ visionId }) => ({ cancelled: services.vision.cancel(visionId) }),
    getPreferences: async () => services.preferences.get(),
    savePreferences: async (preferences) => services.preferences.save(preferences),
    ...services.settings,
    ...services.selection,
  };
}
