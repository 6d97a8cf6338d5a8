import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import type { VisionProtocol } from '../../shared/gateway/profile.ts';
import { defaultCallOptions } from '../../electron/gateways/gateway-session.ts';
import { ANTHROPIC_VERSION } from '../../electron/gateways/vision/anthropic-stream.ts';
import { callVision } from '../../electron/gateways/vision/vision-call.ts';
import { encodeVisionImage } from '../../electron/gateways/vision/vision-image.ts';
import { TEST_API_KEY, type TestGateway } from '../../tests/gateway/test-gateway.ts';

/**
 * Time to first token: Infill's whole call path (SDK client, connect probe, rate limiter, retry
 * wrapper, stream parsing) against a bare `fetch` of the identical body to the same local
 * gateway, read until its first text event. Runs alternate so load drifts hit both alike.
 */

const models: Record<VisionProtocol, string> = { 'openai-chat': 'gpt-4.1-mini', anthropic: 'claude-sonnet-4' };
const paths: Record<VisionProtocol, string> = { 'openai-chat': '/chat/completions', anthropic: '/messages' };

async function benchImage() {
  const width = 1024;
  const height = 768;
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set([(i % width) / 4, (i / width / 3) % 256, 90, 255], i * 4);
  const png = await sharp(data, { raw: { width, height, channels: 4 } }).png().toBuffer();
  const { data: raw } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return encodeVisionImage({ width, height, data: new Uint8Array(raw) }, 'medium');
}

async function infillFirstToken(gateway: TestGateway, protocol: VisionProtocol, image: Awaited<ReturnType<typeof benchImage>>): Promise<number> {
  const start = performance.now();
  let first = NaN;
  await callVision({
    profile: { id: `bench-${protocol}`, name: 'Bench', baseUrl: gateway.baseUrl, protocol: 'chat-image', model: 'x', visionModel: models[protocol], visionProtocol: protocol },
    apiKey: TEST_API_KEY,
    request: { instruction: 'Suggest a prompt for the area outlined in red.', image, maxTokens: 300 },
    options: { ...defaultCallOptions, rateLimits: { maxConcurrent: 4, requestsPerMinute: 600 } },
    signal: new AbortController().signal,
    onText: () => {
      if (Number.isNaN(first)) first = performance.now() - start;
    },
  });
  return first;
}

/** The same body as the last Infill request, POSTed with fetch; time until the first text arrives. */
async function rawFirstToken(gateway: TestGateway, protocol: VisionProtocol, body: string): Promise<number> {
  const headers: Record<string, string> =
    protocol === 'anthropic'
      ? { 'content-type': 'application/json', 'x-api-key': TEST_API_KEY, 'anthropic-version': ANTHROPIC_VERSION }
      : { 'content-type': 'application/json', authorization: `Bearer ${TEST_API_KEY}` };
  const start = performance.now();
  const response = await fetch(`${gateway.baseUrl}${paths[protocol]}`, { method: 'POST', headers, body });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const marker = protocol === 'anthropic' ? '"text_delta"' : /"content":"[^"]/;
  let seen = '';
  let first = NaN;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    seen += value;
    if (Number.isNaN(first) && (typeof marker === 'string' ? seen.includes(marker) : marker.test(seen))) first = performance.now() - start;
  }
  return first;
}

export interface FirstTokenResult {
  protocol: VisionProtocol;
  infill: number[];
  raw: number[];
}

export async function measureFirstToken(gateway: TestGateway, protocol: VisionProtocol, runs: number): Promise<FirstTokenResult> {
  const image = await benchImage();
  // Warm both paths (module loading, the gateway's first decode, keep-alive sockets).
  await infillFirstToken(gateway, protocol, image);
  const body = JSON.stringify(gateway.requests.filter((r) => r.method === 'POST').at(-1)!.json);
  await rawFirstToken(gateway, protocol, body);
  const result: FirstTokenResult = { protocol, infill: [], raw: [] };
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      result.infill.push(await infillFirstToken(gateway, protocol, image));
      result.raw.push(await rawFirstToken(gateway, protocol, body));
    } else {
      result.raw.push(await rawFirstToken(gateway, protocol, body));
      result.infill.push(await infillFirstToken(gateway, protocol, image));
    }
  }
  return result;
}
