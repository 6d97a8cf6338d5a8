import type { WebContents } from 'electron';
import { ipcChannelFor } from '../../shared/contract/names.ts';
import type { EventSink } from '../../shared/contract/events.ts';

type Recipient = Pick<WebContents, 'send' | 'isDestroyed'>;

/**
 * Main's push events, sent to every open window on the event's own channel (the preload's
 * `onX` listens there). Given a lister rather than BrowserWindow so it needs no electron import.
 */
export function createWindowEventSink(listRecipients: () => readonly Recipient[]): EventSink {
  return (name, payload) => {
    const channel = ipcChannelFor(name);
    for (const recipient of listRecipients()) {
      if (!recipient.isDestroyed()) recipient.send(channel, payload);
    }
  };
}
