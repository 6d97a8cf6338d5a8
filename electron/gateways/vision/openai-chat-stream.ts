import { APIUserAbortError } from 'openai';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { StreamEndedEarlyError, withStreamStatus } from './stream-errors.ts';
import type { StreamOutcome, VisionRequest, VisionStreamContext } from './vision-types.ts';

/**
 * `POST {base}/chat/completions` with `stream: true` through the openai SDK: text in
 * `choices[0].delta.content`, a refusal in `delta.refusal`, and the usage in a last chunk whose
 * `choices` is empty, which relays send only when asked (`stream_options.include_usage`).
 */
export async function streamOpenAiChat(request: VisionRequest, ctx: VisionStreamContext, signal: AbortSignal, onText: (text: string) => void): Promise<StreamOutcome> {
  const dataUri = `data:${request.image.mime};base64,${Buffer.from(request.image.bytes).toString('base64')}`;
  const stream = await ctx.adapter.client.chat.completions.create(
    {
      model: request.model,
      max_tokens: request.maxTokens,
      stream: true,
      stream_options: { include_usage: true },
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image_url', image_url: { url: dataUri } },
            { type: 'text', text: request.instruction },
          ],
        },
      ],
    },
    { signal },
  );
  const outcome: StreamOutcome = { usage: {} };
  let refusal = '';
  let started = false;
  let finished = false;
  try {
    for await (const chunk of stream as AsyncIterable<ChatCompletionChunk>) {
      if (chunk.usage) outcome.usage = { inputTokens: chunk.usage.prompt_tokens, outputTokens: chunk.usage.completion_tokens };
      if (chunk.choices[0]?.finish_reason) finished = true;
      const delta = chunk.choices[0]?.delta;
      if (delta?.refusal) refusal += delta.refusal;
      if (delta?.content) {
        started = true;
        onText(delta.content);
      }
    }
  } catch (error) {
    if (!started) throw withStreamStatus(error);
    // After finish_reason the answer is whole; only the usage chunk or [DONE] was lost.
    if (!finished) outcome.brokenBy = error;
  }
  // An abort can end the iteration quietly instead of throwing: it is still a stop.
  if (signal.aborted && !finished && !started) throw new APIUserAbortError();
  // A relay that drops the connection cleanly ends the body without a finish_reason.
  if (started && !finished && !outcome.brokenBy) outcome.brokenBy = signal.aborted ? new APIUserAbortError() : new StreamEndedEarlyError();
  if (refusal) outcome.refusal = refusal;
  return outcome;
}
