import { aspectRatioLabel } from '../../../shared/gateway/model-sizes.ts';
import { readJson } from '../http-client.ts';
import { chatMaskInstruction } from '../prep/mask-polarity.ts';
import { chatResponseSchema, findChatImages } from './chat-image-parse.ts';
import { listModelsVia } from './list-models.ts';
import type { AdapterContext, AdapterResult, EditRequest, EncodedImage, GatewayAdapter, GenerateRequest } from './types.ts';
import type { ChatUsage } from '../../../shared/gateway/prices.ts';

/**
 * Image-output chat models over `/chat/completions` (GATEWAYS.md §3). Sent with `client.post`
 * rather than `chat.completions.create`: `modalities: ["image"]`, `image_config` and the
 * `images` field of the answer are relay extensions the SDK's types do not have, and the answer
 * is validated with our own schema anyway.
 */

function dataUri(image: EncodedImage): string {
  return `data:${image.mime};base64,${Buffer.from(image.bytes).toString('base64')}`;
}

function addUsage(total: ChatUsage | undefined, more: ChatUsage | undefined): ChatUsage | undefined {
  if (!more) return total;
  if (!total) return { ...more };
  const sum = (a?: number, b?: number): number | undefined => (a === undefined && b === undefined ? undefined : (a ?? 0) + (b ?? 0));
  const out: ChatUsage = {};
  const prompt = sum(total.prompt_tokens, more.prompt_tokens);
  const completion = sum(total.completion_tokens, more.completion_tokens);
  const cost = sum(total.cost, more.cost);
  if (prompt !== undefined) out.prompt_tokens = prompt;
  if (completion !== undefined) out.completion_tokens = completion;
  if (cost !== undefined) out.cost = cost;
  return out;
}

/** One image per call: chat models have no `n`, so candidates are separate calls with their own seed. */
async function callChat(content: unknown[], request: { n: number; seed: number; size: { width: number; height: number } }, ctx: AdapterContext): Promise<AdapterResult> {
  const images: Uint8Array[] = [];
  let usage: ChatUsage | undefined;
  for (let i = 0; i < request.n; i++) {
    const body = {
      model: ctx.profile.model,
      messages: [{ role: 'user', content }],
      modalities: ['image', 'text'],
      image_config: { aspect_ratio: aspectRatioLabel(request.size) },
      seed: request.seed + i,
    };
    const found = await ctx.send('/chat/completions', async (signal) => {
      const response = await ctx.client.post('/chat/completions', { body, signal }).asResponse();
      const parsed = await readJson(response, chatResponseSchema, `${ctx.profile.name}'s /chat/completions answer`);
      return findChatImages(parsed, ctx.profile.name);
    });
    const first = found.sources[0];
    if (first !== undefined) images.push(await ctx.download(first));
    usage = addUsage(usage, found.usage);
  }
  return { images, ...(usage ? { chatUsage: usage } : {}) };
}

export const chatImageAdapter: GatewayAdapter = {
  protocol: 'chat-image',

  edit(request: EditRequest, ctx: AdapterContext): Promise<AdapterResult> {
    const content = [
      { type: 'text', text: chatMaskInstruction(request.prompt, request.size) },
      { type: 'image_url', image_url: { url: dataUri(request.image) } },
      { type: 'image_url', image_url: { url: dataUri(request.mask) } },
    ];
    return callChat(content, request, ctx);
  },

  generate(request: GenerateRequest, ctx: AdapterContext): Promise<AdapterResult> {
    const content = [{ type: 'text', text: `Generate an image: ${request.prompt}. No text in the image.` }];
    return callChat(content, request, ctx);
  },

  listModels: listModelsVia,
};
