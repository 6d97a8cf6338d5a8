/**
 * The sandboxed preload: `window.infill` with exactly one method per contract channel and one
 * `onX` per push event. Never `ipcRenderer` itself or a generic `invoke(channel, …)`: the page
 * can ask for nothing main did not declare. Imports only the name lists (no zod) so the bundle
 * stays tiny; main validates every input anyway.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { InfillApi } from '../shared/contract/api.ts';
import { channelNames, eventNames, ipcChannelFor, listenerMethodFor } from '../shared/contract/names.ts';

function buildApi(): InfillApi {
  const api: Record<string, unknown> = {};
  for (const name of channelNames) {
    const channel = ipcChannelFor(name);
    api[name] = (input: unknown) => ipcRenderer.invoke(channel, input);
  }
  for (const name of eventNames) {
    const channel = ipcChannelFor(name);
    api[listenerMethodFor(name)] = (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError(`${listenerMethodFor(name)} expects a function`);
      // The Electron event (with `sender`) never reaches the page.
      const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, forward);
      return () => {
        ipcRenderer.removeListener(channel, forward);
      };
    };
  }
  return Object.freeze(api) as InfillApi;
}

contextBridge.exposeInMainWorld('infill', buildApi());
