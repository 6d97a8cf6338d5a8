import Anthropic from '@anthropic-ai/sdk';
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { limitedFetch } from '../http-client.ts';
import { StreamEndedEarlyError, withStreamStatus } from './stream-errors.ts';
import type { StreamOutcome, VisionRequest, VisionStreamContext } from './vision-types.ts';

/**
 * Anthropic's Messages API, streamed through @anthropic-ai/sdk: `message_start` (input tokens),
 * `content_block_delta` text, `message_delta` (stop reason, output tokens), `message_stop`;
 * `ping` is ignored and an `error` event ends the stream.
 */

/** The API version Anthropic and the relays that mirror it document for Messages. */
export const ANTHROPIC_VERSION = '2023-06-01';

/**
 * The SDK's client, but with no credential chain: without this it would look for keys in the
 * environment and config files when a relay needs none, and send whatever it found.
 */
class RelayAnthropic extends Anthropic {
  protected override _shouldResolveDefaultCredentials(): boolean {
    return false;
  }
}

/**
 * Users' base URLs end in /v1 ("https://relay.example.com/v1"), and the SDK appends
 * /v1/messages to its base: without this the request would go to /v1/v1/messages.
 */
export function anthropicBaseUrl(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '').replace(/\/v1$/, '');
}

export function createAnthropicClient(ctx: Pick<VisionStreamContext, 'profile' | 'apiKey' | 'requestTimeoutMs' | 'maxResponseBytes'>): Anthropic {
  return new RelayAnthropic({
    baseURL: anthropicBaseUrl(ctx.profile.baseUrl),
    apiKey: null,
    authToken: null,
    // x-api-key as Anthropic documents it; with no key (a local relay) no auth header at all.
    defaultHeaders: { 'anthropic-version': ANTHROPIC_VERSION, ...(ctx.apiKey ? { 'x-api-key': ctx.apiKey } : { Authorization: null }) },
    maxRetries: 0,
    timeout: ctx.requestTimeoutMs,
    fetch: limitedFetch(ctx.maxResponseBytes),
    logLevel: 'off',
  });
}

/**
 * The retry policy and the error mapping know the openai SDK's error classes; the Anthropic
 * SDK's have the same shape, so they are rewrapped rather than handled twice. An `error` event
 * inside the stream has no status: withStreamStatus gives it the one it names.
 */
export function asOpenAiError(error: unknown): unknown {
  if (error instanceof Anthropic.APIUserAbortError) return new APIUserAbortError();
  if (error instanceof Anthropic.APIConnectionTimeoutError) return new APIConnectionTimeoutError();
  if (error instanceof Anthropic.APIConnectionError) return new APIConnectionError({ message: error.message, cause: error.cause as Error });
  if (error instanceof Anthropic.APIError) return withStreamStatus(APIError.generate(error.status, error.error, error.message, error.headers));
  return error;
}

export async function streamAnthropic(request: VisionRequest, ctx: VisionStreamContext, signal: AbortSignal, onText: (text: string) => void): Promise<StreamOutcome> {
  const client = createAnthropicClient(ctx);
  const outcome: StreamOutcome = { usage: {} };
  let started = false;
  let finished = false;
  let stopReason: string | null | undefined;
  let text = '';
  try {
    const stream = await client.messages.create(
      {
        model: request.model,
        max_tokens: request.maxTokens,
        stream: true,
        messages: [
          {
            role: 'user',
            content: [
              { type: 'image', source: { type: 'base64', media_type: request.image.mime, data: Buffer.from(request.image.bytes).toString('base64') } },
              { type: 'text', text: request.instruction },
            ],
          },
        ],
      },
      { signal },
    );
    for await (const event of stream) {
      if (event.type === 'message_start') outcome.usage = { inputTokens: event.message.usage.input_tokens, outputTokens: event.message.usage.output_tokens };
      else if (event.type === 'content_block_delta' && event.delta.type === 'text_delta' && event.delta.text) {
        started = true;
        text += event.delta.text;
        onText(event.delta.text);
      } else if (event.type === 'message_delta') {
        stopReason = event.delta.stop_reason;
        outcome.usage = { ...outcome.usage, outputTokens: event.usage.output_tokens };
      } else if (event.type === 'message_stop') finished = true;
    }
  } catch (error) {
    if (!started) throw asOpenAiError(error);
    // After message_stop the answer is whole, whatever happened to the connection next.
    if (!finished) outcome.brokenBy = asOpenAiError(error);
  }
  // An abort can end the iteration quietly instead of throwing: it is still a stop.
  if (signal.aborted && !finished && !started) throw new APIUserAbortError();
  if (started && !finished && !outcome.brokenBy) outcome.brokenBy = signal.aborted ? new APIUserAbortError() : new StreamEndedEarlyError();
  if (stopReason === 'refusal') outcome.refusal = text || 'The model declined to answer.';
  return outcome;
}
