import type { FaultKind } from './gateway-faults.ts';
import { openAiError } from './gateway-faults.ts';
import { candidateColour, decodeImage, encodePng, paint, resizeRgba, solid } from './gateway-pixels.ts';
import type { DecodedImage } from './gateway-pixels.ts';
import type { MultipartPart } from './multipart.ts';
import type { Reply, RouteContext } from './route-context.ts';

/** POST /images/edits (multipart) and /images/generations (JSON), as OpenAI answers them. */

const gptImage1Sizes = new Set(['1024x1024', '1536x1024', '1024x1536', 'auto']);
const dallE2Sizes = new Set(['256x256', '512x512', '1024x1024']);
const supportedMimes = new Set(['png', 'jpeg', 'webp']);

function badRequest(message: string, param: string | null, code = 'invalid_value'): Reply {
  return { status: 400, body: openAiError(message, 'invalid_request_error', code, param) };
}

function parseSize(size: string | undefined, fallback: { width: number; height: number }): { width: number; height: number } {
  const m = /^(\d+)x(\d+)$/.exec(size ?? '');
  return m ? { width: Number(m[1]), height: Number(m[2]) } : fallback;
}

/** gpt-image-2 rules from GATEWAYS.md §1. */
function validGptImage2Size(w: number, h: number): boolean {
  return w % 16 === 0 && h % 16 === 0 && Math.max(w, h) / Math.min(w, h) <= 3 && Math.max(w, h) <= 3840 && Math.min(w, h) <= 2160;
}

function checkSize(model: string, size: string | undefined): string | undefined {
  if (size === undefined) return undefined;
  if (model.startsWith('dall-e-2')) return dallE2Sizes.has(size) ? undefined : `Invalid size '${size}' for dall-e-2.`;
  if (model.startsWith('gpt-image-2')) {
    if (size === 'auto') return undefined;
    const { width, height } = parseSize(size, { width: 0, height: 0 });
    return validGptImage2Size(width, height) ? undefined : `Invalid size '${size}' for gpt-image-2.`;
  }
  return gptImage1Sizes.has(size) ? undefined : `Invalid size '${size}'. Supported sizes are 1024x1024, 1024x1536, 1536x1024, and auto.`;
}

async function decodeUpload(part: MultipartPart, label: string): Promise<DecodedImage | Reply> {
  let image: DecodedImage;
  try {
    image = await decodeImage(part.data);
  } catch {
    return badRequest(`Invalid file '${label}': could not decode the image.`, label, 'invalid_image_file');
  }
  if (!supportedMimes.has(image.format)) {
    return badRequest(
      `Invalid file '${label}': unsupported mimetype ('image/${image.format}'). Supported file formats are 'image/jpeg', 'image/png', and 'image/webp'.`,
      label,
      'unsupported_file_mimetype',
    );
  }
  if (image.space === 'cmyk') return badRequest(`Invalid file '${label}': CMYK images are not supported.`, label, 'invalid_image_mode');
  return image;
}

function isReply(value: unknown): value is Reply {
  return typeof value === 'object' && value !== null && 'status' in value;
}

export async function handleEdits(ctx: RouteContext, parts: MultipartPart[], fault: FaultKind | undefined): Promise<Reply> {
  const field = (name: string): string | undefined => parts.find((p) => p.name === name && p.filename === undefined)?.data.toString('utf8');
  const imagePart = parts.find((p) => (p.name === 'image' || p.name === 'image[]') && p.filename !== undefined);
  const maskPart = parts.find((p) => p.name === 'mask' && p.filename !== undefined);
  const prompt = field('prompt');
  const model = field('model') ?? 'gpt-image-1';
  if (!imagePart) return badRequest("Missing required parameter: 'image'.", 'image', 'missing_required_parameter');
  if (!prompt) return badRequest("Missing required parameter: 'prompt'.", 'prompt', 'missing_required_parameter');
  const unknownModel = ctx.checkModel(model);
  if (unknownModel) return unknownModel;
  const image = await decodeUpload(imagePart, 'image');
  if (isReply(image)) return image;
  const sizeError = checkSize(model, field('size'));
  if (sizeError) return badRequest(sizeError, 'size');
  if (model.startsWith('dall-e-2') && (image.format !== 'png' || !image.hasAlpha || image.width !== image.height || imagePart.data.length >= 4 * 1024 * 1024)) {
    return badRequest('Invalid input image - format must be in [\'RGBA\', \'LA\', \'L\'], got RGB. dall-e-2 takes a square PNG under 4 MB.', 'image');
  }
  let editAt: (i: number) => boolean = () => false;
  if (maskPart) {
    const mask = await decodeUpload(maskPart, 'mask');
    if (isReply(mask)) return mask;
    if (mask.format !== 'png') return badRequest("Invalid file 'mask': the mask must be a PNG.", 'mask');
    if (!mask.hasAlpha) return badRequest("Invalid mask image: the mask must have an alpha channel (alpha 0 marks the area to edit).", 'mask');
    if (mask.width !== image.width || mask.height !== image.height) {
      return badRequest(`Invalid mask image: mask (${mask.width}x${mask.height}) and image (${image.width}x${image.height}) must have the same dimensions.`, 'mask');
    }
    editAt = (i) => mask.data[i * 4 + 3] === 0;
  }
  const size = parseSize(field('size'), image);
  const n = Number(field('n') ?? '1');
  const pictures: Buffer[] = [];
  for (let k = 0; k < n; k++) {
    const colour = candidateColour(ctx.options.paint, k);
    const painted =
      fault?.kind === 'mask-ignored'
        ? solid(image.width, image.height, colour)
        : paint(image, editAt, colour, ctx.options.colourShift);
    pictures.push(await encodePng(size.width, size.height, await resizeRgba({ ...image, data: painted }, size.width, size.height)));
  }
  return imagesReply(ctx, pictures, size, field('stream') === 'true', Number(field('partial_images') ?? '0'), 'image_edit');
}

export async function handleGenerations(ctx: RouteContext, body: Record<string, unknown>): Promise<Reply> {
  const model = typeof body.model === 'string' ? body.model : 'gpt-image-1';
  if (typeof body.prompt !== 'string' || body.prompt === '') return badRequest("Missing required parameter: 'prompt'.", 'prompt');
  const unknownModel = ctx.checkModel(model);
  if (unknownModel) return unknownModel;
  const sizeText = typeof body.size === 'string' ? body.size : undefined;
  const sizeError = checkSize(model, sizeText);
  if (sizeError) return badRequest(sizeError, 'size');
  const size = parseSize(sizeText, { width: 1024, height: 1024 });
  const n = typeof body.n === 'number' ? body.n : 1;
  const pictures: Buffer[] = [];
  for (let k = 0; k < n; k++) pictures.push(await encodePng(size.width, size.height, solid(size.width, size.height, candidateColour(ctx.options.paint, k))));
  const partials = typeof body.partial_images === 'number' ? body.partial_images : 0;
  return imagesReply(ctx, pictures, size, body.stream === true, partials, 'image_generation');
}

async function imagesReply(
  ctx: RouteContext,
  pictures: Buffer[],
  size: { width: number; height: number },
  stream: boolean,
  partials: number,
  eventPrefix: 'image_edit' | 'image_generation',
): Promise<Reply> {
  const sizeText = `${size.width}x${size.height}`;
  const usage = {
    input_tokens: 1050,
    output_tokens: 4160 * pictures.length,
    total_tokens: 1050 + 4160 * pictures.length,
    input_tokens_details: { text_tokens: 50, image_tokens: 1000 },
  };
  if (stream) {
    const events: string[] = [];
    const last = pictures[0] ?? Buffer.alloc(0);
    for (let i = 0; i < partials; i++) {
      // A partial is a cheaper, blurrier take on the final picture.
      const partial = await ctx.blurred(last);
      events.push(sse(`${eventPrefix}.partial_image`, { type: `${eventPrefix}.partial_image`, b64_json: partial.toString('base64'), partial_image_index: i, size: sizeText, output_format: 'png' }));
    }
    events.push(sse(`${eventPrefix}.completed`, { type: `${eventPrefix}.completed`, b64_json: last.toString('base64'), size: sizeText, output_format: 'png', usage }));
    return { status: 200, sse: events };
  }
  const data = pictures.map((png) => (ctx.options.imageResponse === 'url' ? { url: ctx.storeFile(png) } : { b64_json: png.toString('base64') }));
  return {
    status: 200,
    body: JSON.stringify({ created: Math.floor(Date.now() / 1000), data, size: sizeText, quality: 'medium', output_format: 'png', usage }),
  };
}

function sse(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
