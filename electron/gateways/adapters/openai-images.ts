import { APIUserAbortError, toFile } from 'openai';
import type { ImageEditParamsNonStreaming, ImageGenerateParamsNonStreaming } from 'openai/resources/images';
import { z } from 'zod';
import { InfillError } from '../../../shared/errors.ts';
import { imageUsageSchema } from '../../../shared/gateway/prices.ts';
import { readJson } from '../http-client.ts';
import { listModelsVia } from './list-models.ts';
import type { AdapterContext, AdapterResult, EditRequest, GatewayAdapter, GenerateRequest } from './types.ts';

/**
 * OpenAI Images (GATEWAYS.md §1–§2): multipart `/images/edits` with `image` + alpha `mask`, JSON
 * `/images/generations`, answers as `b64_json` or `url`, SSE partial images when asked.
 */

const imageItemSchema = z.object({
  b64_json: z.string().nullish(),
  url: z.string().nullish(),
  revised_prompt: z.string().nullish(),
});

const imagesResponseSchema = z.object({
  data: z.array(imageItemSchema).min(1, 'no images in data'),
  usage: imageUsageSchema.nullish(),
});

const streamEventSchema = z.object({
  type: z.string(),
  b64_json: z.string().optional(),
  partial_image_index: z.number().optional(),
  usage: imageUsageSchema.nullish(),
});

const extensions: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

function sizeParam(size: { width: number; height: number }): string {
  return `${size.width}x${size.height}`;
}

function isDallE2(model: string): boolean {
  return /(^|\/)dall-e-2/i.test(model);
}

async function imagesFrom(items: z.infer<typeof imageItemSchema>[], ctx: AdapterContext): Promise<Uint8Array[]> {
  const images: Uint8Array[] = [];
  for (const item of items) {
    const source = item.b64_json ?? item.url;
    if (!source) throw new InfillError('BAD_RESPONSE', `${ctx.profile.name} returned an image entry with neither b64_json nor url.`);
    images.push(await ctx.download(item.b64_json ? `data:image/png;base64,${item.b64_json}` : source));
  }
  return images;
}

/**
 * Reads an SSE stream of `*.partial_image` / `*.completed` events. Runs inside one attempt, so a
 * connection reset mid-stream is retried like any other transient failure.
 */
async function readStream(stream: AsyncIterable<unknown>, ctx: AdapterContext, signal: AbortSignal): Promise<AdapterResult> {
  let final: AdapterResult | undefined;
  for await (const raw of stream) {
    const event = streamEventSchema.safeParse(raw);
    if (!event.success) throw new InfillError('BAD_RESPONSE', `${ctx.profile.name} sent a stream event Infill cannot read.`);
    const { type, b64_json: b64, partial_image_index: index, usage } = event.data;
    if (type.endsWith('.partial_image') && b64) {
      ctx.onPartialImage?.(await ctx.download(`data:image/png;base64,${b64}`), index ?? 0);
    } else if (type.endsWith('.completed') && b64) {
      final = { images: [await ctx.download(`data:image/png;base64,${b64}`)], ...(usage ? { imageUsage: usage } : {}) };
    }
  }
  // The SDK ends the iteration quietly when the request is aborted.
  if (signal.aborted) throw new APIUserAbortError();
  if (!final) throw new InfillError('BAD_RESPONSE', `${ctx.profile.name}'s stream ended before the image was complete; nothing was changed.`);
  return final;
}

export const openAiImagesAdapter: GatewayAdapter = {
  protocol: 'openai-images',

  async edit(request: EditRequest, ctx: AdapterContext): Promise<AdapterResult> {
    const model = ctx.profile.model;
    const streaming = (request.partialImages ?? 0) > 0 && request.n === 1 && !isDallE2(model);
    const base = async (): Promise<ImageEditParamsNonStreaming> => ({
      model,
      prompt: request.prompt,
      image: await toFile(request.image.bytes, `image.${extensions[request.image.mime] ?? 'png'}`, { type: request.image.mime }),
      mask: await toFile(request.mask.bytes, 'mask.png', { type: 'image/png' }),
      n: request.n,
      // gpt-image-2 takes any W×H; the SDK's type lists only the fixed sizes.
      size: sizeParam(request.size) as ImageEditParamsNonStreaming['size'],
      ...(isDallE2(model) ? { response_format: 'b64_json' as const } : {}),
      // Images endpoints have no seed, and some relays cache identical requests (GATEWAYS.md §2):
      // a per-job `user` keeps a re-run from returning the cached picture, without touching the prompt.
      user: `infill-${request.seed}`,
    });
    if (streaming) {
      return ctx.send('/images/edits', async (signal) => {
        const stream = await ctx.client.images.edit({ ...(await base()), stream: true, partial_images: request.partialImages ?? 1 }, { signal });
        return readStream(stream, ctx, signal);
      });
    }
    return ctx.send('/images/edits', async (signal) => {
      const response = await ctx.client.images.edit(await base(), { signal }).asResponse();
      const body = await readJson(response, imagesResponseSchema, `${ctx.profile.name}'s /images/edits answer`);
      return { images: await imagesFrom(body.data, ctx), ...(body.usage ? { imageUsage: body.usage } : {}) };
    });
  },

  async generate(request: GenerateRequest, ctx: AdapterContext): Promise<AdapterResult> {
    const model = ctx.profile.model;
    const params: ImageGenerateParamsNonStreaming = {
      model,
      prompt: request.prompt,
      n: request.n,
      size: sizeParam(request.size) as ImageGenerateParamsNonStreaming['size'],
      ...(isDallE2(model) ? { response_format: 'b64_json' as const } : {}),
      user: `infill-${request.seed}`,
    };
    if ((request.partialImages ?? 0) > 0 && request.n === 1 && !isDallE2(model)) {
      return ctx.send('/images/generations', async (signal) => {
        const stream = await ctx.client.images.generate({ ...params, stream: true, partial_images: request.partialImages ?? 1 }, { signal });
        return readStream(stream, ctx, signal);
      });
    }
    return ctx.send('/images/generations', async (signal) => {
      const response = await ctx.client.images.generate(params, { signal }).asResponse();
      const body = await readJson(response, imagesResponseSchema, `${ctx.profile.name}'s /images/generations answer`);
      return { images: await imagesFrom(body.data, ctx), ...(body.usage ? { imageUsage: body.usage } : {}) };
    });
  },

  listModels: listModelsVia,
};
