import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Handlers } from '../ipc/dispatch.ts';

/** Shared by the bridge's tests and the HTTP client's: a tiny built renderer and fake handlers. */

export const ASSET_ID = '0123456789abcdef0123456789abcdef';

export function makeRendererDir(): string {
  const root = mkdtempSync(join(tmpdir(), 'infill-bridge-'));
  const dir = join(root, 'renderer');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Infill</title>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log("infill")');
  writeFileSync(join(dir, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(root, 'secret.txt'), 'outside the renderer');
  return dir;
}

/** Echo handlers: importImage reports the byte count it got; readAsset returns every byte value once. */
export function fakeHandlers(): Handlers {
  const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
  return {
    getAppInfo: async () => ({ version: '9.9.9', platform: 'test', shell: 'browser' }),
    importImage: async ({ name, bytes: input }) => ({
      name,
      asset: { assetId: ASSET_ID, width: input.length, height: (input[1] ?? 0) + 1, mime: 'image/png' },
    }),
    readAsset: async ({ assetId }) => ({ assetId, width: 16, height: 16, mime: 'image/png', bytes }),
    retainAssets: async () => ({ released: 0 }),
    exportImage: async () => {
      throw new Error('export exploded');
    },
    exportMask: async () => ({ bytes }),
    saveProject: async () => ({ outcome: 'download' as const, bytes, fileName: 'test.infill' }),
    openProject: async ({ name }) => ({ name, records: {}, history: null, lost: [] }),
    listRecentProjects: async () => ({ projects: [] }),
    openRecentProject: async () => ({ name: 'x', records: {}, history: null, lost: [] }),
    flattenLayers: async ({ region }) => ({ assetId: ASSET_ID, width: region.width, height: region.height, mime: 'image/png' }),
    listProviders: async () => ({ providers: [], defaultProviderId: 'offline' }),
    estimateJob: async () => ({ seconds: null, detail: 'test' }),
    saveSession: async () => ({ savedAt: 'now' }),
    loadSession: async () => ({ session: null }),
    startJob: async () => ({ jobId: 'job-1' }),
    cancelJob: async () => ({ cancelled: true }),
    listProfiles: async () => ({ profiles: [], presets: [], keyStorage: { secure: false, backend: 'none' } }),
    saveProfile: async () => {
      throw new Error('not in the fake');
    },
    deleteProfile: async () => ({ deleted: false }),
    testConnection: async () => ({ models: [], modelListed: false, url: 'http://127.0.0.1/v1/models' }),
    getPrices: async () => ({ sheet: { currency: 'USD', prices: {} }, defaults: { currency: 'USD', prices: {} }, own: true }),
    savePrices: async ({ sheet }) => ({ sheet }),
    getUsage: async () => ({ totals: [], jobs: 0, images: 0, unpricedJobs: 0, byDay: [], recent: [] }),
    getPreferences: async () => ({ language: null }),
    savePreferences: async (preferences) => preferences,
    analysePhoto: async () => ({ embeddingId: ASSET_ID, width: 16, height: 16 }),
    cancelAnalysis: async () => ({ cancelled: false }),
    segmentObject: async () => ({ candidateId: 'cand-1', mask: null, score: 0 }),
    storeMask: async () => ({ stored: null }),
    adjustMask: async () => ({ mask: null }),
    encodeMaskPng: async () => ({ bytes }),
    readMaskPng: async () => ({ assetId: ASSET_ID, rect: { x: 0, y: 0, width: 16, height: 16 } }),
    startVision: async () => ({ visionId: 'vision-1', model: 'test' }),
    cancelVision: async () => ({ cancelled: true }),
  };
}
