import type { GatewayProfile, VisionProtocol } from '../../../shared/gateway/profile.ts';
import { InfillError } from '../../../shared/errors.ts';
import { toGatewayError } from '../errors.ts';
import { openGatewaySession, type GatewayCallOptions } from '../gateway-session.ts';
import { streamAnthropic } from './anthropic-stream.ts';
import { streamOpenAiChat } from './openai-chat-stream.ts';
import { StreamEndedEarlyError } from './stream-errors.ts';
import type { VisionRequest, VisionStreamer, VisionUsage } from './vision-types.ts';
import type { ProgressStep } from '../../../shared/contract/progress-note.ts';

/**
 * One streamed vision answer with the gateway session's policy: the connect probe, the
 * profile's rate limit, retries with a countdown and the error mapping. Retries happen only
 * before the first piece of text: once text has been shown, a broken stream ends the call with
 * an error and the text that arrived, marked incomplete, so nothing is ever shown twice.
 */

export const streamers: Record<VisionProtocol, { path: string; stream: VisionStreamer }> = {
  'openai-chat': { path: '/chat/completions', stream: streamOpenAiChat },
  anthropic: { path: '/messages', stream: streamAnthropic },
};

export interface VisionCallResult {
  text: string;
  usage: VisionUsage;
  /** The stream ended before the model finished: broken after the first token, or stopped. */
  incomplete: boolean;
  /** The model declined; its words. */
  refusal?: string;
  /** Why it ended early (a break after text arrived); undefined for a whole answer or a stop. */
  error?: InfillError;
}

export interface VisionCallInput {
  /** The gateway profile; its vision model and protocol are used. */
  profile: GatewayProfile;
  apiKey: string | undefined;
  request: Omit<VisionRequest, 'model'>;
  options: GatewayCallOptions;
  signal: AbortSignal;
  onText: (text: string) => void;
  /** Retry countdowns and rate-limit waits, for the person to see. */
  notify?: (step: ProgressStep) => void;
}

export async function callVision(input: VisionCallInput): Promise<VisionCallResult> {
  const { profile, options, signal } = input;
  const model = input.profile.visionModel;
  if (!model) throw new InfillError('NO_VISION_MODEL', `The gateway “${profile.name}” has no vision model set.`);
  if (signal.aborted) throw new InfillError('JOB_CANCELLED', 'Stopped.');
  const protocol = profile.visionProtocol ?? 'openai-chat';
  const { path, stream } = streamers[protocol];
  // Errors name the vision model, not the profile's image model.
  const visionProfile: GatewayProfile = { ...profile, model };
  const session = openGatewaySession(visionProfile, input.apiKey, options, signal, input.notify ?? (() => undefined));
  let text = '';
  try {
    const outcome = await session.ctx.send(path, (attemptSignal) =>
      stream(
        { ...input.request, model },
        { adapter: session.ctx, profile: visionProfile, apiKey: input.apiKey, requestTimeoutMs: options.requestTimeoutMs, maxResponseBytes: options.maxResponseBytes },
        attemptSignal,
        (piece) => {
          text += piece;
          input.onText(piece);
        },
      ),
    );
    const result: VisionCallResult = { text, usage: outcome.usage, incomplete: false, ...(outcome.refusal ? { refusal: outcome.refusal } : {}) };
    // A whole answer with no words in it is nothing to put in a prompt box or a caption.
    if (!text.trim() && outcome.refusal === undefined && outcome.brokenBy === undefined) {
      throw new InfillError('BAD_RESPONSE', `${profile.name}'s ${model} answered with no text.`);
    }
    if (outcome.brokenBy === undefined) return result;
    if (signal.aborted) return { ...result, incomplete: true };
    return { ...result, incomplete: true, error: brokenStreamError(outcome.brokenBy, visionProfile, path, input.apiKey) };
  } finally {
    session.dispose();
  }
}

function brokenStreamError(cause: unknown, profile: GatewayProfile, path: string, apiKey: string | undefined): InfillError {
  const url = `${profile.baseUrl.replace(/\/+$/, '')}${path}`;
  const why =
    cause instanceof StreamEndedEarlyError
      ? 'the connection closed before the model finished'
      : toGatewayError(cause, { gatewayName: profile.name, baseUrl: profile.baseUrl, url, model: profile.model, ...(apiKey ? { apiKey } : {}) }).message;
  return new InfillError('STREAM_BROKEN', `${profile.name}'s answer stopped part way (${why}). The text that arrived is kept; it may be cut off.`, { gateway: profile.name });
}
