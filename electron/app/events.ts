import type { EventPayload } from '../../shared/contract/events.ts';
import type { EventName } from '../../shared/contract/names.ts';

/** Where main's push events go: every Electron window, or every browser-bridge client. */
export type EventSink = <E extends EventName>(name: E, payload: EventPayload<E>) => void;
