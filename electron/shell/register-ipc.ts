import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channelNames, ipcChannelFor } from '../../shared/contract/names.ts';
import type { Result } from '../../shared/errors.ts';
import { dispatch, type Handlers } from '../ipc/dispatch.ts';
import { scopedLogger } from '../log/log.ts';
import { isAppUrl } from './app-protocol.ts';

const log = scopedLogger('ipc');

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
    ipcMain.handle(ipcChannelFor(name), (event, input: unknown) => {
      if (isTrustedSender(event)) return dispatch(handlers, name, input);
      // As VS Code does: a refused sender is worth a line, it may be an attack or a bug.
      log.warn('refused a sender', { channel: name, frame: describeFrame(event) });
      return Promise.resolve(forbidden);
    });
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

/** Where a refused request came from, without any query string (it may carry anything). */
function describeFrame(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): string {
  const frame = event.senderFrame;
  if (!frame) return 'a destroyed frame';
  const url = frame.url.replace(/[?#].*$/, '').slice(0, 200);
  return frame.parent === null ? url : `a subframe at ${url}`;
}
