import type { FaultKind } from './gateway-faults.ts';
import { openAiError } from './gateway-faults.ts';
import type { Reply, RouteContext, SseFrame } from './route-context.ts';

/**
 * Vision chat models that stream text, in both protocols Infill speaks to them:
 * `POST /chat/completions` with `stream: true` (OpenAI chunks, usage in a last chunk with no
 * choices when `stream_options.include_usage` asks for it, then `[DONE]`), and
 * `POST /messages` (Anthropic's named events). Tokens are paced, and the faults real relays
 * produce — a break part way, an error event inside the stream, a 529, a refusal — are on call.
 */

export const VISION_ANSWERS = {
  suggest: 'a weathered wooden bench under the oak tree, soft afternoon light, the same film grain as the photo',
  describe: 'Caption: A tabby cat rests on a sunlit windowsill beside a potted plant.\nAlt text: Tabby cat lying on a windowsill next to a green plant.',
  translate: 'a red kite flying over a green field at sunset',
  refusal: "I'm sorry, but I can't help with that request.",
} as const;

/** The usage the "model" reports: fixed input, one token per streamed piece. */
export const VISION_INPUT_TOKENS = 1234;

function answerFor(body: Record<string, unknown>, ctx: RouteContext): string {
  if (ctx.options.visionText !== undefined) return ctx.options.visionText;
  const text = JSON.stringify(body.messages ?? []);
  if (/Caption: /.test(text)) return VISION_ANSWERS.describe;
  if (/Translate this prompt/.test(text)) return VISION_ANSWERS.translate;
  return VISION_ANSWERS.suggest;
}

/** "a red kite" → ["a ", "red ", "kite"]: the pieces a model streams. */
export function tokensOf(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

function hasImage(body: Record<string, unknown>, type: 'image_url' | 'image'): boolean {
  const messages = Array.isArray(body.messages) ? (body.messages as Array<{ content?: unknown }>) : [];
  return messages.some((m) => Array.isArray(m.content) && (m.content as Array<{ type?: string }>).some((part) => part.type === type));
}

const data = (value: unknown): SseFrame => `data: ${JSON.stringify(value)}\n\n`;
const named = (event: string, value: unknown): SseFrame => `event: ${event}\ndata: ${JSON.stringify(value)}\n\n`;

function streamReply(frames: SseFrame[], ctx: RouteContext): Reply {
  return { status: 200, sse: frames, paceMs: ctx.options.tokenPaceMs };
}

/** Where a break or error lands: after this many text pieces (never before the first). */
function cutAfter(fault: FaultKind | undefined, pieces: number): number | undefined {
  if (fault?.kind !== 'stream-break' && fault?.kind !== 'stream-error') return undefined;
  return Math.max(1, Math.min(fault.afterTokens, pieces - 1));
}

export function handleChatStream(ctx: RouteContext, body: Record<string, unknown>, fault: FaultKind | undefined): Reply {
  const model = typeof body.model === 'string' ? body.model : '';
  const unknownModel = ctx.checkModel(model);
  if (unknownModel) return unknownModel;
  if (!hasImage(body, 'image_url')) return { status: 400, body: openAiError('Expected an image_url part', 'invalid_request_error', null, 'messages') };
  const refuse = fault?.kind === 'refuse';
  const pieces = tokensOf(refuse ? VISION_ANSWERS.refusal : answerFor(body, ctx));
  const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
    data({ id: 'chatcmpl-vision', object: 'chat.completion.chunk', created: 1_700_000_000, model, choices: [{ index: 0, delta, finish_reason: finish }] });
  const frames: SseFrame[] = [chunk({ role: 'assistant', content: '' })];
  const cut = cutAfter(fault, pieces.length);
  for (const [index, piece] of pieces.entries()) {
    if (cut !== undefined && index === cut) {
      if (fault?.kind === 'stream-break') frames.push({ disconnect: true });
      else frames.push(data({ error: { message: 'The server had an error while processing your request.', type: 'server_error', code: null } }));
      return streamReply(frames, ctx);
    }
    frames.push(chunk(refuse ? { refusal: piece } : { content: piece }));
  }
  frames.push(chunk({}, 'stop'));
  const options = body.stream_options as { include_usage?: boolean } | undefined;
  if (options?.include_usage) {
    frames.push(data({ id: 'chatcmpl-vision', object: 'chat.completion.chunk', created: 1_700_000_000, model, choices: [], usage: { prompt_tokens: VISION_INPUT_TOKENS, completion_tokens: pieces.length, total_tokens: VISION_INPUT_TOKENS + pieces.length } }));
  }
  frames.push('data: [DONE]\n\n');
  return streamReply(frames, ctx);
}

export function anthropicError(type: string, message: string): string {
  return JSON.stringify({ type: 'error', error: { type, message } });
}

export function handleMessages(ctx: RouteContext, body: Record<string, unknown>, headers: Record<string, string | string[] | undefined>, fault: FaultKind | undefined): Reply {
  if (!headers['anthropic-version']) return { status: 400, body: anthropicError('invalid_request_error', 'anthropic-version: header is required') };
  const model = typeof body.model === 'string' ? body.model : '';
  if (!ctx.options.models.includes(model)) return { status: 404, body: anthropicError('not_found_error', `model: ${model}`) };
  if (typeof body.max_tokens !== 'number') return { status: 400, body: anthropicError('invalid_request_error', 'max_tokens: Field required') };
  if (!hasImage(body, 'image')) return { status: 400, body: anthropicError('invalid_request_error', 'Expected an image block') };
  if (fault?.kind === 'overloaded') return { status: 529, body: anthropicError('overloaded_error', 'Overloaded') };
  if (body.stream !== true) return { status: 400, body: anthropicError('invalid_request_error', 'This test gateway streams only') };
  const refuse = fault?.kind === 'refuse';
  const pieces = tokensOf(refuse ? VISION_ANSWERS.refusal : answerFor(body, ctx));
  const frames: SseFrame[] = [
    named('message_start', {
      type: 'message_start',
      message: { id: 'msg_test', type: 'message', role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: VISION_INPUT_TOKENS, output_tokens: 1 } },
    }),
    named('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }),
    named('ping', { type: 'ping' }),
  ];
  const cut = cutAfter(fault, pieces.length);
  for (const [index, piece] of pieces.entries()) {
    if (cut !== undefined && index === cut) {
      if (fault?.kind === 'stream-break') frames.push({ disconnect: true });
      else frames.push(named('error', JSON.parse(anthropicError(fault?.kind === 'stream-error' ? (fault.errorType ?? 'overloaded_error') : 'api_error', 'Overloaded'))));
      return streamReply(frames, ctx);
    }
    frames.push(named('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: piece } }));
  }
  frames.push(
    named('content_block_stop', { type: 'content_block_stop', index: 0 }),
    named('message_delta', { type: 'message_delta', delta: { stop_reason: refuse ? 'refusal' : 'end_turn', stop_sequence: null }, usage: { output_tokens: pieces.length } }),
    named('message_stop', { type: 'message_stop' }),
  );
  return streamReply(frames, ctx);
}

/** The first error event's kind, when a fault asks for one before any text (e.g. overloaded at message_start). */
export function earlyStreamError(fault: FaultKind | undefined, protocol: 'openai-chat' | 'anthropic'): Reply | undefined {
  if (fault?.kind !== 'stream-error' || fault.afterTokens > 0) return undefined;
  const type = fault.errorType ?? 'overloaded_error';
  const frame = protocol === 'anthropic' ? named('error', JSON.parse(anthropicError(type, 'Overloaded'))) : data({ error: { message: 'Overloaded', type, code: null } });
  return { status: 200, sse: [frame] };
}
