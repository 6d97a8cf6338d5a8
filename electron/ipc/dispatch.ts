import type { z } from 'zod';
import { channels, type ChannelOutput } from '../../shared/contract/channels.ts';
import { channelNames, type ChannelName } from '../../shared/contract/names.ts';
import { toErrorInfo, type Result } from '../../shared/errors.ts';
import { scopedLogger } from '../log/log.ts';

const log = scopedLogger('ipc');

/** A handler receives input already parsed by its channel's schema. */
export type Handlers = {
  [C in ChannelName]: (input: z.output<(typeof channels)[C]['input']>) => Promise<ChannelOutput<C>>;
};

export function isChannelName(name: string): name is ChannelName {
  return (channelNames as readonly string[]).includes(name);
}

/**
 * The one place a request from the renderer meets a handler, for Electron IPC and the browser
 * bridge alike: the channel must exist, the input must parse, and whatever happens the caller
 * gets a `{ ok, data } | { ok, error: { code, message } }` envelope.
 */
export async function dispatch(handlers: Handlers, channel: string, rawInput: unknown): Promise<Result<unknown>> {
  if (!isChannelName(channel)) {
    log.warn('refused an unknown channel', { channel: channel.slice(0, 80) });
    return { ok: false, error: { code: 'FORBIDDEN', message: `Unknown channel "${channel.slice(0, 80)}"` } };
  }
  const spec = channels[channel];
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const detail = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`)
      .join('; ');
    log.warn('refused invalid input', { channel, detail });
    return { ok: false, error: { code: 'INVALID_INPUT', message: `Invalid ${channel} request — ${detail}` } };
  }
  try {
    const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
    const data = spec.output.parse(await handler(parsed.data));
    return { ok: true, data };
  } catch (error) {
    const info = toErrorInfo(error);
    if (info.code === 'INTERNAL') {
      console.error(`[infill] ${channel} failed:`, error);
      log.error(`${channel} failed`, { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    } else log.info(`${channel} refused`, { code: info.code, message: info.message });
    return { ok: false, error: info };
  }
}
