import type { Result } from '../errors.ts';
import type { ChannelInput, ChannelOutput } from './channels.ts';
import type { ChannelName, EventName } from './names.ts';
import type { EventPayload } from './events.ts';

/**
 * `window.infill`, inferred from the contract: one method per channel returning a result
 * envelope, and one `onX` per push event returning an unsubscribe function. The preload and
 * the browser bridge client both implement exactly this type.
 */
export type InfillApi = {
  [C in ChannelName]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;
} & {
  [E in EventName as `on${Capitalize<E>}`]: (listener: (payload: EventPayload<E>) => void) => () => void;
};
