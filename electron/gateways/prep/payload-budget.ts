import type { GatewayProtocol } from '../../../shared/gateway/profile.ts';
import type { ImageFormat, ModelSpec, Size } from '../../../shared/gateway/model-sizes.ts';
import { fitToModel } from '../../../shared/gateway/model-sizes.ts';

/**
 * Chooses the size and encoding of the upload from the pixel count, before encoding anything,
 * so that image + mask + transport overhead stay under the relay's body cap (many cap at 4 MB).
 * Lossless PNG when it fits, else JPEG (WebP where JPEG is not taken), else fewer pixels.
 *
 * Bytes per pixel are what photographs cost at these settings (measured on real photos: PNG
 * RGB 1.3–2.2, JPEG q90 4:4:4 0.25–0.55), with headroom. Noise-like content can exceed them;
 * prep then corrects once from the measured size (not a loop), and a 413 shrinks and retries
 * once in the provider.
 */

export interface PayloadPlan {
  size: Size;
  format: ImageFormat;
  /** JPEG/WebP quality. */
  quality: number;
  /** Send an alpha channel (dall-e-2 wants RGBA). */
  alpha: boolean;
  estimatedBytes: number;
  budgetBytes: number;
}

export const DEFAULT_BUDGET_BYTES = 4 * 1024 * 1024;

const BYTES_PER_PIXEL: Record<ImageFormat, number> = { png: 2.4, jpeg: 0.6, webp: 0.45 };
const ALPHA_PNG_BYTES_PER_PIXEL = 2.9;
/** A binary mask as PNG: mostly flat runs. */
const MASK_BYTES_PER_PIXEL = 0.08;
/** Prompt, form fields, JSON keys, multipart headers. */
const FIXED_OVERHEAD_BYTES = 48 * 1024;
/** JPEG/WebP quality when lossy is the fallback because lossless does not fit the budget. */
const LOSSY_QUALITY = 90;
/**
 * JPEG quality for a compact upload (4:2:0 chroma below q90, see encode.ts). Outside the blend
 * mask Infill keeps the original pixels (composite-back), so the upload's compression only
 * changes the context the model sees: q85 is visually clean on photos and about 1/6 of lossless
 * PNG's bytes (1 MP of camera-like detail: 1.9 MB PNG, ~380 KB at 4:4:4, ~300 KB at 4:2:0),
 * and encodes 5× faster. Models resample their input anyway; halved chroma costs them nothing.
 */
const COMPACT_QUALITY = 85;

/**
 * `lossless`: PNG whenever it fits the budget, JPEG only when it does not.
 * `compact`: JPEG wherever the model takes it (GPT image models, chat image models, JSON relays);
 * PNG only where it is required (dall-e-2: RGBA PNG).
 */
export type UploadPreference = 'lossless' | 'compact';

/** Multipart carries bytes as is; JSON and chat carry base64 (4/3) inside data URIs. */
export function transportFactor(protocol: GatewayProtocol): number {
  return protocol === 'openai-images' ? 1 : 4 / 3;
}

export function estimateBytes(pixels: number, format: ImageFormat, alpha: boolean, protocol: GatewayProtocol, withMask = true): number {
  const image = alpha && format === 'png' ? ALPHA_PNG_BYTES_PER_PIXEL : BYTES_PER_PIXEL[format];
  return Math.ceil((pixels * (image + (withMask ? MASK_BYTES_PER_PIXEL : 0))) * transportFactor(protocol) + FIXED_OVERHEAD_BYTES);
}

function pixelsWithin(budget: number, format: ImageFormat, alpha: boolean, protocol: GatewayProtocol, withMask: boolean): number {
  const perPixel = ((alpha && format === 'png' ? ALPHA_PNG_BYTES_PER_PIXEL : BYTES_PER_PIXEL[format]) + (withMask ? MASK_BYTES_PER_PIXEL : 0)) * transportFactor(protocol);
  return Math.max(0, Math.floor((budget - FIXED_OVERHEAD_BYTES) / perPixel));
}

export interface PlanInput {
  /** The crop's size in document pixels. */
  region: Size;
  spec: ModelSpec;
  protocol: GatewayProtocol;
  budgetBytes: number;
  /** Outpaint uploads have no mask. */
  withMask?: boolean;
  /** Default `lossless`; the gateway provider asks for `compact` unless told otherwise. */
  prefer?: UploadPreference;
}

export function planPayload(input: PlanInput): PayloadPlan {
  const { region, spec, protocol, budgetBytes } = input;
  const withMask = input.withMask ?? true;
  const alpha = spec.family === 'dall-e-2';
  const fileCap = spec.maxImageBytes;
  const compact = input.prefer === 'compact';
  const plan = (format: ImageFormat, size: Size): PayloadPlan => ({
    size,
    format,
    quality: compact ? COMPACT_QUALITY : LOSSY_QUALITY,
    alpha,
    estimatedBytes: estimateBytes(size.width * size.height, format, alpha, protocol, withMask),
    budgetBytes,
  });
  const wanted = fitToModel(region, spec);
  const wantedPixels = wanted.width * wanted.height;
  const lossy: ImageFormat | undefined = spec.inputFormats.includes('jpeg') ? 'jpeg' : spec.inputFormats.includes('webp') ? 'webp' : undefined;
  const formats: ImageFormat[] = spec.inputFormats.includes('png') && !(compact && lossy && !alpha) ? ['png'] : [];
  if (lossy && !alpha) formats.push(lossy);
  if (formats.length === 0) formats.push('png');
  for (const format of formats) {
    const limit = Math.min(pixelsWithin(budgetBytes, format, alpha, protocol, withMask), Math.floor(fileCap / BYTES_PER_PIXEL[format]));
    if (wantedPixels <= limit) return plan(format, wanted);
  }
  // Nothing fits at full size: the best format at the largest size that does.
  const format = formats[formats.length - 1] ?? 'png';
  const limit = Math.min(pixelsWithin(budgetBytes, format, alpha, protocol, withMask), Math.floor(fileCap / BYTES_PER_PIXEL[format]));
  return plan(format, fitToModel(region, spec, { maxPixels: Math.max(limit, 1) }));
}

/**
 * The one correction after encoding: when the real size overshot the estimate, the plan for a
 * budget scaled by what this content actually costs per pixel.
 */
export function correctedPlan(previous: PayloadPlan, actualBytes: number, input: PlanInput): PayloadPlan | undefined {
  if (actualBytes <= previous.budgetBytes) return undefined;
  const ratio = previous.estimatedBytes / actualBytes;
  return planPayload({ ...input, budgetBytes: Math.floor(previous.budgetBytes * ratio * 0.92) });
}
