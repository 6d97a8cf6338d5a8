import type { InfillApi } from '../../shared/contract/api.ts';
import type { ChannelInput, ChannelOutput } from '../../shared/contract/channels.ts';
import type { ChannelName } from '../../shared/contract/names.ts';
import { InfillError, type Result } from '../../shared/errors.ts';
import { createHttpBridgeApi } from './http-bridge.ts';

declare global {
  interface Window {
    /** Exposed by Electron's preload; absent when the app runs in a browser through the bridge. */
    infill?: InfillApi;
  }
}

let api: InfillApi | undefined;

/** `window.infill` in Electron, the HTTP bridge client in a browser: the same interface either way. */
export function infill(): InfillApi {
  if (!api) api = window.infill ?? createHttpBridgeApi();
  return api;
}

/** Calls a channel and unwraps its envelope: data, or a thrown InfillError with main's code, message and params. */
export async function call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  // The mapped type loses the link between C and its method; the contract guarantees it.
  const method = infill()[channel] as unknown as (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;
  const result = await method(input);
  if (!result.ok) throw new InfillError(result.error.code, result.error.message, result.error.params);
  return result.data as ChannelOutput<C>;
}
