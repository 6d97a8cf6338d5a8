import type { GatewayProtocol } from './profile.ts';

/** What a model accepts as input and returns as output, as far as geometry and encoding go. */

export interface Size {
  width: number;
  height: number;
}

export type ImageFormat = 'png' | 'jpeg' | 'webp';

/** A closed list of sizes (dall-e-2, gpt-image-1, ~1 MP chat image models). */
export interface FixedSizeRule {
  kind: 'fixed';
  sizes: readonly Size[];
}

/** Any W×H within bounds (gpt-image-2, SD-style JSON relays). */
export interface FreeSizeRule {
  kind: 'free';
  /** Both sides are multiples of this. */
  multiple: number;
  /** Longest side / shortest side must not exceed this (3 = 1:3…3:1). */
  maxRatio: number;
  maxLongSide: number;
  maxShortSide: number;
  maxPixels: number;
  /** Crops smaller than this are upscaled: these models draw badly (and some refuse) below it. */
  minPixels: number;
}

export type SizeRule = FixedSizeRule | FreeSizeRule;

export interface ModelSpec {
  /** A family name for messages and tests ("dall-e-2", "gpt-image-1", "chat-image"…). */
  family: string;
  sizes: SizeRule;
  /** Formats the model takes as input, best first. */
  inputFormats: readonly ImageFormat[];
  /** Per-file cap the host documents (dall-e-2: 4 MB). */
  maxImageBytes: number;
  maxPromptChars: number;
  maxN: number;
  /** Whether the host takes `size` in the request (chat models pick it from the input ratio). */
  sendsSize: boolean;
}

const MB = 1024 * 1024;

const dallE2: ModelSpec = {
  family: 'dall-e-2',
  sizes: { kind: 'fixed', sizes: [256, 512, 1024].map((s) => ({ width: s, height: s })) },
  inputFormats: ['png'],
  maxImageBytes: 4 * MB,
  maxPromptChars: 1000,
  maxN: 10,
  sendsSize: true,
};

const gptImage1: ModelSpec = {
  family: 'gpt-image-1',
  sizes: {
    kind: 'fixed',
    sizes: [
      { width: 1024, height: 1024 },
      { width: 1536, height: 1024 },
      { width: 1024, height: 1536 },
    ],
  },
  inputFormats: ['png', 'webp', 'jpeg'],
  maxImageBytes: 50 * MB,
  maxPromptChars: 32_000,
  maxN: 10,
  sendsSize: true,
};

const gptImage2: ModelSpec = {
  family: 'gpt-image-2',
  sizes: {
    kind: 'free',
    multiple: 16,
    maxRatio: 3,
    maxLongSide: 3840,
    maxShortSide: 2160,
    maxPixels: 3840 * 2160,
    minPixels: 1024 * 1024,
  },
  inputFormats: ['png', 'webp', 'jpeg'],
  maxImageBytes: 50 * MB,
  maxPromptChars: 32_000,
  maxN: 10,
  sendsSize: true,
};

/** GATEWAYS.md §3: ~1 MP outputs at fixed ratios; we send the crop at the same size. */
export const chatImageSizes: readonly Size[] = [
  { width: 1024, height: 1024 },
  { width: 1248, height: 832 },
  { width: 832, height: 1248 },
  { width: 1184, height: 864 },
  { width: 864, height: 1184 },
  { width: 1344, height: 768 },
  { width: 768, height: 1344 },
  { width: 1536, height: 672 },
];

const chatImage: ModelSpec = {
  family: 'chat-image',
  sizes: { kind: 'fixed', sizes: chatImageSizes },
  inputFormats: ['png', 'jpeg', 'webp'],
  maxImageBytes: 20 * MB,
  maxPromptChars: 32_000,
  maxN: 1,
  sendsSize: false,
};

/** SD/Flux-style inpaint relays: latent space wants multiples of 64; ~2.4 MP keeps them fast. */
const jsonRelay: ModelSpec = {
  family: 'json-relay',
  sizes: {
    kind: 'free',
    multiple: 64,
    maxRatio: 4,
    maxLongSide: 2048,
    maxShortSide: 2048,
    maxPixels: 1536 * 1536,
    minPixels: 512 * 512,
  },
  inputFormats: ['png', 'jpeg', 'webp'],
  maxImageBytes: 20 * MB,
  maxPromptChars: 4000,
  maxN: 1,
  sendsSize: true,
};

/** Relays prefix ids ("openai/gpt-image-1"); match on the last path segment. */
function bareModelId(model: string): string {
  return (model.split('/').pop() ?? model).toLowerCase();
}

/**
 * JSON relays' outpaint models ("outpaint-v1", "sd-outpaint"): they only extend a picture, on
 * `/images/outpaint`; strict relays refuse them on `/images/inpaint`.
 */
export function isOutpaintOnlyModel(model: string, protocol: GatewayProtocol): boolean {
  return protocol === 'json-relay' && /(^|[-_.])outpaint/.test(bareModelId(model));
}

export function modelSpec(model: string, protocol: GatewayProtocol): ModelSpec {
  const id = bareModelId(model);
  if (protocol === 'chat-image') return chatImage;
  if (protocol === 'json-relay') return jsonRelay;
  if (id.startsWith('dall-e-2')) return dallE2;
  if (id.startsWith('gpt-image-2')) return gptImage2;
  // gpt-image-1, -1-mini, -1.5 and unknown models behind an Images endpoint: 1024² is the size
  // every OpenAI-compatible images host accepts, so the closed gpt-image-1 list is the safe guess.
  return gptImage1;
}

export interface FitOptions {
  /** Upper bound from the payload budget (prep computes it); fixed lists pick a smaller size. */
  maxPixels?: number;
}

/** log-distance between two aspect ratios: 2:1 vs 1:1 is as far as 1:2 vs 1:1. */
function ratioDistance(a: Size, b: Size): number {
  return Math.abs(Math.log(a.width / a.height) - Math.log(b.width / b.height));
}

function fitFixed(region: Size, rule: FixedSizeRule, options: FitOptions): Size {
  const allowed = rule.sizes.filter((s) => options.maxPixels === undefined || s.width * s.height <= options.maxPixels);
  const pool = allowed.length > 0 ? allowed : [...rule.sizes].sort((a, b) => a.width * a.height - b.width * b.height).slice(0, 1);
  const regionPixels = region.width * region.height;
  let best = pool[0] as Size;
  for (const size of pool) {
    const dr = ratioDistance(region, size) - ratioDistance(region, best);
    if (dr < -1e-9) {
      best = size;
    } else if (Math.abs(dr) <= 1e-9) {
      // Same ratio (dall-e-2's squares): the smallest size that does not downscale the crop,
      // else the largest one; sending more pixels than the crop has only costs bytes.
      const fits = size.width * size.height >= regionPixels;
      const bestFits = best.width * best.height >= regionPixels;
      if (fits && (!bestFits || size.width * size.height < best.width * best.height)) best = size;
      else if (!fits && !bestFits && size.width * size.height > best.width * best.height) best = size;
    }
  }
  return { width: best.width, height: best.height };
}

function roundTo(value: number, multiple: number): number {
  return Math.max(multiple, Math.round(value / multiple) * multiple);
}

function fitFree(region: Size, rule: FreeSizeRule, options: FitOptions): Size {
  const maxPixels = Math.min(rule.maxPixels, options.maxPixels ?? Infinity);
  // Clamp the ratio first: a 5:1 strip becomes 3:1 (the crop is then stretched, and resized back).
  let ratio = region.width / region.height;
  ratio = Math.min(rule.maxRatio, Math.max(1 / rule.maxRatio, ratio));
  let pixels = region.width * region.height;
  pixels = Math.min(maxPixels, Math.max(Math.min(rule.minPixels, maxPixels), pixels));
  let width = Math.sqrt(pixels * ratio);
  let height = width / ratio;
  const landscape = width >= height;
  const scaleLong = rule.maxLongSide / (landscape ? width : height);
  const scaleShort = rule.maxShortSide / (landscape ? height : width);
  const scale = Math.min(1, scaleLong, scaleShort);
  width *= scale;
  height *= scale;
  let w = roundTo(width, rule.multiple);
  let h = roundTo(height, rule.multiple);
  // Rounding up can cross a limit; step down one multiple on the side that crossed.
  const longLimit = rule.maxLongSide;
  const shortLimit = rule.maxShortSide;
  const over = (): boolean =>
    w * h > maxPixels || Math.max(w, h) > longLimit || Math.min(w, h) > shortLimit;
  while (over() && (w > rule.multiple || h > rule.multiple)) {
    if (w >= h && w > rule.multiple) w -= rule.multiple;
    else h -= rule.multiple;
  }
  return { width: w, height: h };
}

/**
 * The size to send for a crop of `region` pixels: nearest accepted ratio (in log space), then
 * the size that loses the least detail within the model's and the budget's pixel limits.
 */
export function fitToModel(region: Size, spec: ModelSpec, options: FitOptions = {}): Size {
  if (region.width <= 0 || region.height <= 0) throw new RangeError('fitToModel: empty region');
  return spec.sizes.kind === 'fixed' ? fitFixed(region, spec.sizes, options) : fitFree(region, spec.sizes, options);
}

/** The aspect ratio string chat relays take in `image_config.aspect_ratio` ("3:2"). */
export function aspectRatioLabel(size: Size): string {
  const labels: Array<[string, number]> = [
    ['1:1', 1],
    ['3:2', 3 / 2],
    ['2:3', 2 / 3],
    ['4:3', 4 / 3],
    ['3:4', 3 / 4],
    ['16:9', 16 / 9],
    ['9:16', 9 / 16],
    ['21:9', 21 / 9],
  ];
  const r = Math.log(size.width / size.height);
  let best = labels[0] as [string, number];
  for (const entry of labels) if (Math.abs(Math.log(entry[1]) - r) < Math.abs(Math.log(best[1]) - r)) best = entry;
  return best[0];
}

/** The ratio window the context crop should take, so fitting it stretches as little as possible. */
export function preferredRatio(region: Size, spec: ModelSpec): number {
  const target = fitToModel(region, spec);
  return target.width / target.height;
}
