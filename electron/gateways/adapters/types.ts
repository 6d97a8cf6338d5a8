import type OpenAI from 'openai';
import type { GatewayProfile } from '../../../shared/gateway/profile.ts';
import type { ChatUsage, ImageUsage } from '../../../shared/gateway/prices.ts';
import type { Size } from '../../../shared/gateway/model-sizes.ts';

/** What every protocol adapter takes and returns; prep and the provider only see this. */

export interface EncodedImage {
  bytes: Uint8Array;
  mime: 'image/png' | 'image/jpeg' | 'image/webp';
  width: number;
  height: number;
}

export interface EditRequest {
  image: EncodedImage;
  /** Already in the protocol's polarity (see prep/mask-polarity.ts), PNG. */
  mask: EncodedImage;
  prompt: string;
  n: number;
  /** The size to ask for; equal to the image's size. */
  size: Size;
  seed: number;
  /** Ask for partial images over SSE where the protocol has them. */
  partialImages?: number;
  /** Diffusion relays: denoising strength 0…1 and classifier-free guidance scale. */
  strength?: number;
  guidance?: number;
}

export interface GenerateRequest {
  prompt: string;
  n: number;
  size: Size;
  seed: number;
  partialImages?: number;
}

export type OutpaintDirection = 'left' | 'right' | 'top' | 'bottom' | 'all';

export interface OutpaintRequest {
  /** The known pixels only; the relay adds `pixels` on `direction`. */
  image: EncodedImage;
  direction: OutpaintDirection;
  pixels: number;
  prompt: string;
  seed: number;
}

export interface AdapterResult {
  /** Encoded images as returned (PNG/JPEG/WebP bytes). */
  images: Uint8Array[];
  imageUsage?: ImageUsage;
  chatUsage?: ChatUsage;
}

export interface AdapterContext {
  client: OpenAI;
  profile: GatewayProfile;
  signal: AbortSignal;
  /**
   * Runs one HTTP exchange with the rate limit, retries and error mapping applied. `path` is the
   * endpoint ("/images/edits") for messages; `attempt` gets the signal to pass to the SDK.
   */
  send<T>(path: string, attempt: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** Turns a returned reference (base64, data URI, URL) into bytes within the size limit. */
  download(source: string): Promise<Uint8Array>;
  onPartialImage?: (png: Uint8Array, index: number) => void;
}

export interface GatewayAdapter {
  readonly protocol: GatewayProfile['protocol'];
  edit(request: EditRequest, ctx: AdapterContext): Promise<AdapterResult>;
  generate(request: GenerateRequest, ctx: AdapterContext): Promise<AdapterResult>;
  outpaint?(request: OutpaintRequest, ctx: AdapterContext): Promise<AdapterResult>;
  listModels(ctx: AdapterContext): Promise<string[]>;
}
