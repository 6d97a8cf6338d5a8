import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channelNames, ipcChannelFor } from '../../shared/contract/names.ts';
import type { Result } from '../../shared/errors.ts';
import { dispatch, type Handlers } from '../ipc/dispatch.ts';
import { isAppUrl } from './app-protocol.ts';

const forbidden: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'Refused: the request did not come from the Infill window' },
};

/**
 * One `ipcMain.handle` per contract channel (never a generic one), each refusing senders other
 * than the top frame of a page on app://infill, then going through `dispatch` like the bridge.
 * Returns a function that removes the handlers (tests, and a clean shutdown).
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, handlers: Handlers): () => void {
  for (const name of channelNames) {
    ipcMain.handle(ipcChannelFor(name), (event, input: unknown) =>
      isTrustedSender(event) ? dispatch(handlers, name, input) : Promise.resolve(forbidden),
    );
  }
  return () => {
    for (const name of channelNames) ipcMain.removeHandler(ipcChannelFor(name));
  };
}

/**
 * Main distrusts the renderer: a frame injected into the page (an iframe, or a navigation the
 * guards missed) must not reach the handlers. `senderFrame` is null once the frame is gone.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url);
}
