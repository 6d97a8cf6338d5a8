import type { GatewayProfile, VisionProtocol } from '../../../shared/gateway/profile.ts';
import type { AdapterContext } from '../adapters/types.ts';

/** What a vision stream adapter takes and gives back; the call policy (vision-call.ts) sees only this. */

export interface VisionImage {
  bytes: Uint8Array;
  /** Both protocols take JPEG; the media type must match the bytes (Anthropic checks). */
  mime: 'image/jpeg';
  width: number;
  height: number;
}

export interface VisionRequest {
  /** The model id on the gateway. */
  model: string;
  instruction: string;
  image: VisionImage;
  maxTokens: number;
}

export interface VisionUsage {
  inputTokens?: number;
  outputTokens?: number;
}

/** How one streamed attempt ended (when it did not throw before its first token). */
export interface StreamOutcome {
  usage: VisionUsage;
  /** The model's own words when it declined (OpenAI `delta.refusal`, Anthropic stop_reason "refusal"). */
  refusal?: string;
  /** Set when the stream broke after text had arrived: what broke it. */
  brokenBy?: unknown;
}

/**
 * One protocol's streaming call. `onText` hears each piece of text as it arrives; anything thrown
 * before the first piece may be retried by the caller, so adapters throw SDK-shaped errors
 * (openai's classes, which the retry policy and the error mapping understand).
 */
export type VisionStreamer = (request: VisionRequest, ctx: VisionStreamContext, signal: AbortSignal, onText: (text: string) => void) => Promise<StreamOutcome>;

export interface VisionStreamContext {
  adapter: AdapterContext;
  /** The profile with the vision model as its model, so errors name the right one. */
  profile: GatewayProfile;
  apiKey: string | undefined;
  requestTimeoutMs: number;
  maxResponseBytes: number;
}

export type { VisionProtocol };
