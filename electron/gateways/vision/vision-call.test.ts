import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fastOptions, gradientPng, testProfile } from '../../../tests/gateway/helpers.ts';
import { TEST_API_KEY, startTestGateway, type TestGateway } from '../../../tests/gateway/test-gateway.ts';
import { VISION_ANSWERS, VISION_INPUT_TOKENS, tokensOf } from '../../../tests/gateway/routes-vision.ts';
import type { VisionProtocol } from '../../../shared/gateway/profile.ts';
import { countTokens, visionCost } from '../../../shared/vision/vision-cost.ts';
import { callVision, type VisionCallInput } from './vision-call.ts';
import type { VisionImage } from './vision-types.ts';

/** Both vision protocols, streamed through their official SDKs against the local gateway. */

let gateway: TestGateway;
let image: VisionImage;
beforeAll(async () => {
  gateway = await startTestGateway({ tokenPaceMs: 1 });
  const jpeg = await gradientPng(64, 48, 'jpeg');
  image = { bytes: jpeg.bytes, mime: 'image/jpeg', width: 64, height: 48 };
});
afterAll(() => gateway.close());
beforeEach(() => {
  gateway.setFault(null);
  gateway.requests.length = 0;
});

const models: Record<VisionProtocol, string> = { 'openai-chat': 'gpt-4.1-mini', anthropic: 'claude-sonnet-4' };

function call(protocol: VisionProtocol, waits: number[] = [], extra: Partial<VisionCallInput> = {}) {
  const pieces: string[] = [];
  const profile = testProfile(gateway, 'chat-image', 'google/gemini-2.5-flash-image', { visionModel: models[protocol], visionProtocol: protocol });
  const done = callVision({
    profile,
    apiKey: TEST_API_KEY,
    request: { instruction: 'Suggest a prompt for the area outlined in red.', image, maxTokens: 300 },
    options: fastOptions(waits),
    signal: new AbortController().signal,
    onText: (text) => pieces.push(text),
    ...extra,
  });
  return { pieces, done };
}

describe.each(['openai-chat', 'anthropic'] as const)('%s', (protocol) => {
  it('streams the answer piece by piece and reports the usage of the final chunk', async () => {
    const { pieces, done } = call(protocol);
    const result = await done;
    expect(result.text).toBe(VISION_ANSWERS.suggest);
    expect(pieces).toEqual(tokensOf(VISION_ANSWERS.suggest));
    expect(result.incomplete).toBe(false);
    expect(result.usage).toEqual({ inputTokens: VISION_INPUT_TOKENS, outputTokens: pieces.length });
    const request = gateway.requests.at(-1)!;
    if (protocol === 'openai-chat') {
      expect(request.rawPath).toBe('/v1/chat/completions');
      expect(request.json).toMatchObject({ model: 'gpt-4.1-mini', stream: true, stream_options: { include_usage: true }, max_tokens: 300 });
      expect(JSON.stringify(request.json)).toContain('data:image/jpeg;base64,');
      expect(request.headers.authorization).toBe(`Bearer ${TEST_API_KEY}`);
    } else {
      // A base URL ending in /v1 must not become /v1/v1/messages.
      expect(request.rawPath).toBe('/v1/messages');
      expect(request.headers['x-api-key']).toBe(TEST_API_KEY);
      expect(request.headers['anthropic-version']).toBe('2023-06-01');
      expect(request.headers.authorization).toBeUndefined();
      expect(request.json).toMatchObject({ model: 'claude-sonnet-4', stream: true, max_tokens: 300 });
      const content = (request.json?.messages as Array<{ content: Array<Record<string, unknown>> }>)[0]!.content;
      expect(content[0]).toMatchObject({ type: 'image', source: { type: 'base64', media_type: 'image/jpeg' } });
    }
  });

  it('retries a 429 before the first token, honouring Retry-After, and shows the text once', async () => {
    gateway.setFault({ kind: 'rate-limit', retryAfterS: 2, times: 1 });
    const waits: number[] = [];
    const { pieces, done } = call(protocol, waits);
    const result = await done;
    expect(result.text).toBe(VISION_ANSWERS.suggest);
    expect(pieces.join('')).toBe(VISION_ANSWERS.suggest);
    expect(waits.reduce((a, b) => a + b, 0)).toBe(2000);
    expect(gateway.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
  });

  it('retries a reset and an error event that arrive before any text', async () => {
    gateway.setFault([{ kind: 'reset', times: 1 }, { kind: 'stream-error', afterTokens: 0, times: 1 }]);
    const { done } = call(protocol);
    const result = await done;
    expect(result.text).toBe(VISION_ANSWERS.suggest);
    expect(gateway.requests.filter((r) => r.method === 'POST')).toHaveLength(3);
  });

  it('does not retry a break after the first token: the partial text is kept once, marked incomplete', async () => {
    gateway.setFault({ kind: 'stream-break', afterTokens: 4 });
    const { pieces, done } = call(protocol);
    const result = await done;
    const expected = tokensOf(VISION_ANSWERS.suggest).slice(0, 4).join('');
    expect(result.text).toBe(expected);
    expect(pieces.join('')).toBe(expected);
    expect(result.incomplete).toBe(true);
    expect(result.error?.code).toBe('STREAM_BROKEN');
    expect(result.error?.message).toMatch(/stopped part way/);
    expect(gateway.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('ends on an error event inside the stream with the text so far', async () => {
    gateway.setFault({ kind: 'stream-error', afterTokens: 3 });
    const { done } = call(protocol);
    const result = await done;
    expect(result.text).toBe(tokensOf(VISION_ANSWERS.suggest).slice(0, 3).join(''));
    expect(result.incomplete).toBe(true);
    expect(result.error?.code).toBe('STREAM_BROKEN');
    expect(gateway.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('reports a refusal as the model’s words, not as a prompt', async () => {
    gateway.setFault({ kind: 'refuse', times: 1 });
    const { done } = call(protocol);
    const result = await done;
    expect(result.refusal).toBe(VISION_ANSWERS.refusal);
  });

  it('gives up on an unknown model with the models the gateway lists', async () => {
    const pieces: string[] = [];
    const profile = testProfile(gateway, 'chat-image', 'x', { visionModel: 'no-such-vision', visionProtocol: protocol });
    const error = await callVision({
      profile,
      apiKey: TEST_API_KEY,
      request: { instruction: 'x', image, maxTokens: 10 },
      options: fastOptions(),
      signal: new AbortController().signal,
      onText: (t) => pieces.push(t),
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NOT_FOUND' });
    expect((error as Error).message).toContain('no-such-vision');
    expect((error as Error).message).toContain('gpt-4.1-mini');
    expect(pieces).toEqual([]);
  });

  it('stops when aborted, keeping what arrived', async () => {
    gateway.options.tokenPaceMs = 20;
    try {
      const abort = new AbortController();
      const pieces: string[] = [];
      const { done } = call(protocol, [], {
        signal: abort.signal,
        onText: (t) => {
          pieces.push(t);
          if (pieces.length === 3) abort.abort();
        },
      });
      const result = await done;
      expect(result.incomplete).toBe(true);
      expect(result.text).toBe(pieces.join(''));
      expect(pieces).toHaveLength(3);
    } finally {
      gateway.options.tokenPaceMs = 1;
    }
  });
});

describe('anthropic overloaded', () => {
  it('retries 529 overloaded_error before the stream starts', async () => {
    gateway.setFault({ kind: 'overloaded', times: 2 });
    const waits: number[] = [];
    const { done } = call('anthropic', waits);
    expect((await done).text).toBe(VISION_ANSWERS.suggest);
    expect(waits).toHaveLength(2);
    expect(gateway.requests.filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([529, 529, 200]);
  });

  it('gives a clear error when 529 outlasts the retries', async () => {
    gateway.setFault({ kind: 'overloaded' });
    const { done } = call('anthropic');
    await expect(done).rejects.toMatchObject({ code: 'GATEWAY_UNAVAILABLE', message: expect.stringMatching(/529 after 3 attempts/) });
  });
});

describe('cost', () => {
  it('prices the stream usage with the table, or an estimate when the stream reports none', () => {
    const reported = countTokens({ inputTokens: 1000, outputTokens: 100 }, { instruction: 'x', width: 1024, height: 768, protocol: 'openai-chat' }, 'ignored');
    expect(reported).toEqual({ inputTokens: 1000, outputTokens: 100, estimated: false });
    // gpt-4.1-mini: $0.40 in, $1.60 out per 1M tokens.
    const cost = visionCost('gpt-4.1-mini', reported);
    expect(cost?.currency).toBe('USD');
    expect(cost?.amount).toBeCloseTo((1000 * 0.4 + 100 * 1.6) / 1e6, 12);
    const estimated = countTokens({}, { instruction: 'a'.repeat(40), width: 1024, height: 768, protocol: 'openai-chat' }, 'b'.repeat(80));
    // 10 text tokens + 85 + 170 × 4 tiles (1024×768 → 1024×768, 2×2 tiles); 20 output tokens.
    expect(estimated).toEqual({ inputTokens: 10 + 85 + 170 * 4, outputTokens: 20, estimated: true });
    const claude = countTokens({}, { instruction: '', width: 750, height: 100, protocol: 'anthropic' }, '');
    expect(claude.inputTokens).toBe(100);
    expect(visionCost('unknown-model', reported)).toBeUndefined();
  });
});
