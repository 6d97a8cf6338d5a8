import { z } from 'zod';
import { InfillError } from '../../../shared/errors.ts';
import { chatUsageSchema } from '../../../shared/gateway/prices.ts';
import type { ChatUsage } from '../../../shared/gateway/prices.ts';

/**
 * Where chat image models put the picture differs by relay and version (GATEWAYS.md §3). Parsed
 * in this order: 1. `message.images[i].image_url.url`; 2. `image_url` parts of a content array;
 * 3. a `data:image/…;base64,` URI inside the text; 4. an http(s) URL inside the text.
 */

const imageUrlSchema = z.union([z.string(), z.object({ url: z.string() })]);

const contentPartSchema = z
  .object({ type: z.string(), text: z.string().optional(), image_url: imageUrlSchema.optional() })
  .passthrough();

export const chatResponseSchema = z.object({
  choices: z
    .array(
      z.object({
        finish_reason: z.string().nullish(),
        message: z.object({
          content: z.union([z.string(), z.array(contentPartSchema)]).nullish(),
          refusal: z.string().nullish(),
          images: z.array(z.object({ image_url: imageUrlSchema }).passthrough()).nullish(),
        }),
      }),
    )
    .min(1, 'no choices'),
  usage: chatUsageSchema.nullish(),
});
export type ChatResponse = z.infer<typeof chatResponseSchema>;

export interface ChatImages {
  /** Data URIs or http(s) URLs, in order. */
  sources: string[];
  shape: 1 | 2 | 3 | 4;
  usage?: ChatUsage;
}

function urlOf(value: z.infer<typeof imageUrlSchema>): string {
  return typeof value === 'string' ? value : value.url;
}

const dataUriInText = /data:image\/[a-z0-9.+-]+;base64,[A-Za-z0-9+/=_-]+/gi;
const httpUrlInText = /https?:\/\/[^\s)<>"'\]]+/gi;

export function findChatImages(response: ChatResponse, gatewayName: string): ChatImages {
  const choice = response.choices[0];
  const message = choice?.message;
  const usage = response.usage ?? undefined;
  const withUsage = (sources: string[], shape: ChatImages['shape']): ChatImages => ({ sources, shape, ...(usage ? { usage } : {}) });

  const shape1 = (message?.images ?? []).map((image) => urlOf(image.image_url)).filter((u) => u.length > 0);
  if (shape1.length > 0) return withUsage(shape1, 1);

  const content = message?.content;
  if (Array.isArray(content)) {
    const shape2 = content.filter((part) => part.image_url !== undefined).map((part) => urlOf(part.image_url ?? ''));
    if (shape2.length > 0) return withUsage(shape2, 2);
  }
  const text = typeof content === 'string' ? content : (content ?? []).map((part) => part.text ?? '').join('\n');

  const shape3 = text.match(dataUriInText) ?? [];
  if (shape3.length > 0) return withUsage(shape3, 3);

  const shape4 = (text.match(httpUrlInText) ?? []).map((u) => u.replace(/[.,;:]+$/, ''));
  if (shape4.length > 0) return withUsage(shape4, 4);

  const words = (text || message?.refusal || '').trim().replace(/\s+/g, ' ');
  if (words) {
    const quoted = words.length > 240 ? `${words.slice(0, 240)}…` : words;
    throw new InfillError('BAD_RESPONSE', `The model answered with text instead of an image: "${quoted}"`, { context: 'textOnly', gateway: gatewayName, detail: quoted });
  }
  const reason = choice?.finish_reason ? ` (finish_reason: ${choice.finish_reason})` : '';
  throw new InfillError('BAD_RESPONSE', `${gatewayName} returned an empty answer with no image${reason}; nothing was changed.`, { context: 'empty', gateway: gatewayName, reason: choice?.finish_reason ?? '' });
}
