import { z } from 'zod';
import { InfillError } from '../../../shared/errors.ts';
import { readJson } from '../http-client.ts';
import { listModelsVia } from './list-models.ts';
import type { AdapterContext, AdapterResult, EditRequest, EncodedImage, GatewayAdapter, GenerateRequest, OutpaintRequest } from './types.ts';

/** A fill replaces the masked pixels entirely (strength 1); 7 is the usual guidance of SD-family relays. */
export const DEFAULT_STRENGTH = 1;
export const DEFAULT_GUIDANCE = 7;

/**
 * SD-style JSON relays (GATEWAYS.md §4): `/images/inpaint` and `/images/outpaint`, non-standard
 * paths, so `client.post` (same auth, timeout and abort as the rest). Results come as
 * `result_image`, `image` or `data[0].b64_json`; each is accepted.
 */

const relayResponseSchema = z
  .object({
    result_image: z.string().nullish(),
    image: z.string().nullish(),
    data: z.array(z.object({ b64_json: z.string().nullish(), url: z.string().nullish() })).nullish(),
  })
  .passthrough();

function dataUri(image: EncodedImage): string {
  return `data:${image.mime};base64,${Buffer.from(image.bytes).toString('base64')}`;
}

function resultSource(body: z.infer<typeof relayResponseSchema>, gatewayName: string): string {
  const first = body.data?.[0];
  const source = body.result_image ?? body.image ?? first?.b64_json ?? first?.url;
  if (!source) throw new InfillError('BAD_RESPONSE', `${gatewayName} answered without result_image, image or data[0].b64_json; nothing was changed.`);
  // Bare base64 is the common case; data URIs and URLs pass through.
  return /^(data:|https?:\/\/)/i.test(source) ? source : `data:image/png;base64,${source}`;
}

async function post(path: string, body: Record<string, unknown>, ctx: AdapterContext): Promise<Uint8Array> {
  const source = await ctx.send(path, async (signal) => {
    const response = await ctx.client.post(path, { body, signal }).asResponse();
    return resultSource(await readJson(response, relayResponseSchema, `${ctx.profile.name}'s ${path} answer`), ctx.profile.name);
  });
  return ctx.download(source);
}

export const jsonRelayAdapter: GatewayAdapter = {
  protocol: 'json-relay',

  async edit(request: EditRequest, ctx: AdapterContext): Promise<AdapterResult> {
    const images: Uint8Array[] = [];
    for (let i = 0; i < request.n; i++) {
      images.push(
        await post(
          '/images/inpaint',
          {
            model: ctx.profile.model,
            image: dataUri(request.image),
            mask: dataUri(request.mask),
            prompt: request.prompt,
            seed: request.seed + i,
            strength: request.strength ?? DEFAULT_STRENGTH,
            guidance_scale: request.guidance ?? DEFAULT_GUIDANCE,
          },
          ctx,
        ),
      );
    }
    return { images };
  },

  async outpaint(request: OutpaintRequest, ctx: AdapterContext): Promise<AdapterResult> {
    const image = await post(
      '/images/outpaint',
      { model: ctx.profile.model, image: dataUri(request.image), direction: request.direction, pixels: request.pixels, prompt: request.prompt, seed: request.seed },
      ctx,
    );
    return { images: [image] };
  },

  generate(_request: GenerateRequest, ctx: AdapterContext): Promise<AdapterResult> {
    return Promise.reject(
      new InfillError('BAD_REQUEST', `${ctx.profile.name} is an inpaint relay: it cannot generate from an empty canvas. Paint over existing pixels, or use an Images or chat gateway.`, {
        context: 'inpaintOnly',
        gateway: ctx.profile.name,
      }),
    );
  },

  listModels: listModelsVia,
};
