import type { ProviderInfo } from '../../shared/contract/schemas.ts';
import type { JobStage } from '../../shared/contract/schemas.ts';
import type { Rect } from '../../shared/geometry.ts';
import type { Money } from '../../shared/gateway/money.ts';
import type { ProgressStep } from '../../shared/contract/progress-note.ts';

import type { RgbaImage } from '../services/rgba-image.ts';

export type { RgbaImage };

/** What a provider is given: the flattened context window around the mask, never the whole photo. */
export interface ProviderJobInput {
  /** The flattened visible layers inside `region`. */
  image: RgbaImage;
  /** `region.width * region.height` bytes: 0 keep, 255 change, values between blend. */
  mask: Uint8Array;
  /** Where `image` sits in document pixels. */
  region: Rect;
  /** The whole document canvas, for providers that reason about borders (outpainting). */
  canvas: Rect;
  prompt: string;
  seed: number;
  /** How many variations to return. */
  n: number;
  /** Where the provider's protocol has them (info.tuning). */
  strength?: number;
  guidance?: number;
  /** `region`-sized, >0 = never copy from here (offline content-aware fill; info.tuning 'exclude'). */
  exclude?: Uint8Array;
}

export interface ProviderCandidate {
  /** Same size as the input image; only pixels inside the blend mask are used. */
  image: RgbaImage;
  /** Optional mask to composite with (e.g. grown and feathered); defaults to the painted mask. */
  blendMask?: Uint8Array;
  seed: number;
  model?: string;
  /** In the currency the gateway bills in. */
  cost?: Money;
}

export interface ProviderContext {
  signal: AbortSignal;
  /** `fraction` is 0…1 within the provider's own work; the runner maps it into the job's progress. */
  progress(stage: JobStage, fraction: number, step?: ProgressStep): void;
  /** A partial image (encoded, any size) of the whole context region, streamed before the answer. */
  preview?(encoded: Uint8Array): void;
}

/** An engine or a gateway that can fill a masked region. */
export interface Provider {
  readonly info: ProviderInfo;
  /** The region around the mask's bounding box that this provider wants to see. */
  contextRegion(maskBounds: Rect, canvas: Rect): Rect;
  run(input: ProviderJobInput, context: ProviderContext): Promise<ProviderCandidate[]>;
  /** How long `run` should take for this mask (cropped to the context region), where the provider can say. */
  estimate?(mask: Uint8Array, region: Rect): JobEstimate;
}

export interface JobEstimate {
  seconds: number | null;
  detail: string;
  method?: 'smooth' | 'content-aware';
  pixels?: number;
}
