import { chatImageSizes } from '../../shared/gateway/model-sizes.ts';
import type { FaultKind } from './gateway-faults.ts';
import { openAiError } from './gateway-faults.ts';
import { bytesFromBase64OrDataUri, dataUri, decodeImage, encodePng, paint, resizeRgba, solid } from './gateway-pixels.ts';
import type { Reply, RouteContext } from './route-context.ts';

/**
 * POST /chat/completions for image-output chat models. Reads the first image as the picture and
 * the second (if any) as a white-edits mask, and answers in the configured shape (§3, 1–4).
 */

interface ImagePart {
  type: 'image_url';
  image_url: { url: string };
}

function imageParts(body: Record<string, unknown>): string[] {
  const messages = Array.isArray(body.messages) ? (body.messages as Array<{ role?: string; content?: unknown }>) : [];
  const urls: string[] = [];
  for (const message of messages) {
    if (!Array.isArray(message.content)) continue;
    for (const part of message.content as Array<Partial<ImagePart>>) {
      if (part.type === 'image_url' && typeof part.image_url?.url === 'string') urls.push(part.image_url.url);
    }
  }
  return urls;
}

function nearestChatSize(width: number, height: number): { width: number; height: number } {
  const r = Math.log(width / height);
  let best = chatImageSizes[0] ?? { width: 1024, height: 1024 };
  for (const s of chatImageSizes) if (Math.abs(Math.log(s.width / s.height) - r) < Math.abs(Math.log(best.width / best.height) - r)) best = s;
  return best;
}

export async function handleChat(ctx: RouteContext, body: Record<string, unknown>, fault: FaultKind | undefined): Promise<Reply> {
  const model = typeof body.model === 'string' ? body.model : '';
  const unknownModel = ctx.checkModel(model);
  if (unknownModel) return unknownModel;
  if (!Array.isArray(body.messages)) return { status: 400, body: openAiError("'messages' is required", 'invalid_request_error', null, 'messages') };
  const usage = { prompt_tokens: 1300, completion_tokens: 1290, total_tokens: 2590, ...(ctx.options.chatCostUsd === undefined ? {} : { cost: ctx.options.chatCostUsd }) };
  const answer = (message: Record<string, unknown>): Reply => ({
    status: 200,
    body: JSON.stringify({ id: 'chatcmpl-test', object: 'chat.completion', created: Math.floor(Date.now() / 1000), model, choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', ...message } }], usage }),
  });
  if (fault?.kind === 'text-only') {
    return answer({ content: fault.text ?? "I'm sorry, but I can't help with editing this image." });
  }
  const urls = imageParts(body);
  let png: Buffer;
  const first = urls[0];
  if (first === undefined) {
    png = await encodePng(1024, 1024, solid(1024, 1024, ctx.options.paint));
  } else {
    const image = await decodeImage(bytesFromBase64OrDataUri(first));
    const maskUrl = urls[1];
    const mask = maskUrl === undefined ? undefined : await decodeImage(bytesFromBase64OrDataUri(maskUrl));
    if (mask && (mask.width !== image.width || mask.height !== image.height)) {
      return { status: 400, body: openAiError('The mask image must match the picture', 'invalid_request_error', null) };
    }
    const painted =
      fault?.kind === 'mask-ignored' || !mask
        ? solid(image.width, image.height, ctx.options.paint)
        : paint(image, (i) => (mask.data[i * 4] ?? 0) >= 128, ctx.options.paint, ctx.options.colourShift);
    const out = nearestChatSize(image.width, image.height);
    png = await encodePng(out.width, out.height, await resizeRgba({ ...image, data: painted }, out.width, out.height));
  }
  const uri = dataUri(png);
  switch (ctx.options.chatShape) {
    case 1:
      return answer({ content: 'Here is the edited image.', images: [{ type: 'image_url', image_url: { url: uri }, index: 0 }] });
    case 2:
      return answer({ content: [{ type: 'text', text: 'Here is the edited image.' }, { type: 'image_url', image_url: { url: uri } }] });
    case 3:
      return answer({ content: `Here is the edited image:\n\n![edited image](${uri})\n` });
    case 4:
      return answer({ content: `Your image is ready: ${ctx.storeFile(png)}` });
  }
}
