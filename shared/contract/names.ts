/**
 * The names of every IPC channel and push event, with no schema attached, so the sandboxed
 * preload can build `window.infill` without bundling zod. `channels.ts` and `events.ts` are
 * typed against these lists, so adding a name without a schema (or the reverse) fails `tsc`.
 */
export const channelNames = [
  'getAppInfo',
  'importImage',
  'readAsset',
  'retainAssets',
  'exportImage',
  'exportMask',
  'flattenLayers',
  'saveProject',
  'openProject',
  'listRecentProjects',
  'openRecentProject',
  'listProviders',
  'saveSession',
  'loadSession',
  'estimateJob',
  'startJob',
  'cancelJob',
  'listProfiles',
  'saveProfile',
  'deleteProfile',
  'testConnection',
  'getPrices',
  'savePrices',
  'getUsage',
  'analysePhoto',
  'cancelAnalysis',
  'segmentObject',
  'storeMask',
  'adjustMask',
  'encodeMaskPng',
  'readMaskPng',
  'startVision',
  'cancelVision',
  'getPreferences',
  'savePreferences',
] as const;

export const eventNames = ['jobProgress', 'jobDone', 'menuAction', 'visionDelta', 'visionStatus', 'visionDone'] as const;

export type ChannelName = (typeof channelNames)[number];
export type EventName = (typeof eventNames)[number];

/** The Electron IPC channel string for a contract channel or event. */
export function ipcChannelFor(name: ChannelName | EventName): string {
  return `infill:${name}`;
}

/** `jobProgress` → `onJobProgress`: the preload method that subscribes to a push event. */
export function listenerMethodFor<E extends EventName>(name: E): `on${Capitalize<E>}` {
  return `on${name.charAt(0).toUpperCase()}${name.slice(1)}` as `on${Capitalize<E>}`;
}
