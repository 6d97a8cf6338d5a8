import { isOutpaintOnlyModel } from '../../shared/gateway/model-sizes.ts';
import type { FaultKind } from './gateway-faults.ts';
import { openAiError } from './gateway-faults.ts';
import { bytesFromBase64OrDataUri, decodeImage, encodePng, paint, solid } from './gateway-pixels.ts';
import type { Reply, RouteContext } from './route-context.ts';

/** POST /images/inpaint and /images/outpaint: SD-style JSON relays (GATEWAYS.md §4). */

function bad(message: string): Reply {
  return { status: 400, body: JSON.stringify({ error: message }) };
}

function resultReply(ctx: RouteContext, png: Buffer, seed: unknown): Reply {
  const b64 = png.toString('base64');
  const field = ctx.options.jsonResultField;
  const payload = field === 'data' ? { data: [{ b64_json: b64 }] } : field === 'image' ? { image: `data:image/png;base64,${b64}` } : { result_image: b64 };
  return { status: 200, body: JSON.stringify({ ...payload, seed }) };
}

export async function handleInpaint(ctx: RouteContext, body: Record<string, unknown>, fault: FaultKind | undefined): Promise<Reply> {
  if (typeof body.image !== 'string' || typeof body.mask !== 'string') return bad('image and mask are required');
  if (typeof body.model === 'string') {
    const unknownModel = ctx.checkModel(body.model);
    if (unknownModel) return unknownModel;
    // As strict relays do: an outpaint model has no inpaint endpoint.
    if (isOutpaintOnlyModel(body.model, 'json-relay')) return bad(`model ${body.model} does not support /images/inpaint; use /images/outpaint`);
  }
  const image = await decodeImage(bytesFromBase64OrDataUri(body.image)).catch(() => undefined);
  const mask = await decodeImage(bytesFromBase64OrDataUri(body.mask)).catch(() => undefined);
  if (!image || !mask) return bad('image or mask could not be decoded');
  if (image.width % 64 !== 0 || image.height % 64 !== 0) return bad(`image size ${image.width}x${image.height} must be a multiple of 64`);
  if (mask.width !== image.width || mask.height !== image.height) return bad('mask must match the image size');
  const painted =
    fault?.kind === 'mask-ignored'
      ? solid(image.width, image.height, ctx.options.paint)
      : paint(image, (i) => (mask.data[i * 4] ?? 0) >= 128, ctx.options.paint, ctx.options.colourShift);
  return resultReply(ctx, await encodePng(image.width, image.height, painted), body.seed);
}

const directions = new Set(['left', 'right', 'top', 'bottom', 'all']);

export async function handleOutpaint(ctx: RouteContext, body: Record<string, unknown>, fault: FaultKind | undefined): Promise<Reply> {
  if (typeof body.image !== 'string') return bad('image is required');
  const direction = String(body.direction);
  const pixels = Number(body.pixels);
  if (!directions.has(direction) || !Number.isInteger(pixels) || pixels <= 0 || pixels > 2048) return bad('direction or pixels invalid');
  const image = await decodeImage(bytesFromBase64OrDataUri(body.image)).catch(() => undefined);
  if (!image) return bad('image could not be decoded');
  if (typeof body.model === 'string') {
    const unknownModel = ctx.checkModel(body.model);
    if (unknownModel) return unknownModel;
  }
  const grow = (side: string): number => (direction === side || direction === 'all' ? pixels : 0);
  const left = grow('left');
  const top = grow('top');
  const width = image.width + left + grow('right');
  const height = image.height + top + grow('bottom');
  const out = solid(width, height, ctx.options.paint);
  if (fault?.kind !== 'mask-ignored') {
    for (let y = 0; y < image.height; y++) {
      image.data.copy(out, ((y + top) * width + left) * 4, y * image.width * 4, (y + 1) * image.width * 4);
    }
  }
  return resultReply(ctx, await encodePng(width, height, out), body.seed);
}

export function modelNotFound(model: string): Reply {
  return {
    status: 404,
    body: openAiError(`The model \`${model}\` does not exist or you do not have access to it.`, 'invalid_request_error', 'model_not_found'),
  };
}
