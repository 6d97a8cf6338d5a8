import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImage } from './gateway-pixels.ts';
import { startTestGateway, TEST_API_KEY } from './test-gateway.ts';
import type { TestGateway } from './test-gateway.ts';

/** The gateway itself: it must behave like the real relays, or every test built on it lies. */

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(() => gateway.close());

const auth = { authorization: `Bearer ${TEST_API_KEY}` };

async function png(width: number, height: number, channels: 3 | 4, colour = 128, alphaAt?: (x: number, y: number) => number): Promise<Buffer> {
  const data = Buffer.alloc(width * height * channels, colour);
  if (channels === 4) for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[(y * width + x) * 4 + 3] = alphaAt ? alphaAt(x, y) : 255;
  return sharp(data, { raw: { width, height, channels } }).png().toBuffer();
}

function editForm(image: Buffer, mask: Buffer, extra: Record<string, string> = {}): FormData {
  const form = new FormData();
  form.set('image', new Blob([new Uint8Array(image)], { type: 'image/png' }), 'image.png');
  form.set('mask', new Blob([new Uint8Array(mask)], { type: 'image/png' }), 'mask.png');
  form.set('prompt', 'a boat');
  form.set('model', 'gpt-image-1');
  for (const [k, v] of Object.entries(extra)) form.set(k, v);
  return form;
}

describe('test gateway', () => {
  it('listens on 127.0.0.1 with a /v1 base URL', () => {
    expect(gateway.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
  });

  it('checks the bearer key and answers like OpenAI, with a masked key fragment', async () => {
    const res = await fetch(`${gateway.baseUrl}/models`, { headers: { authorization: 'Bearer sk-wrong-key-000000000000' } });
    expect(res.status).toBe(401);
    expect(await res.text()).toMatch(/Incorrect API key provided: sk-\*+0000/);
    const ok = await fetch(`${gateway.baseUrl}/models`, { headers: auth });
    expect(((await ok.json()) as { data: unknown[] }).data.length).toBeGreaterThan(0);
  });

  it('paints where the mask alpha is 0, at the requested size', async () => {
    const mask = await png(64, 64, 4, 0, (x) => (x < 32 ? 0 : 255));
    const res = await fetch(`${gateway.baseUrl}/images/edits`, { method: 'POST', headers: auth, body: editForm(await png(64, 64, 3), mask, { size: '1024x1024' }) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: Array<{ b64_json: string }> };
    const out = await decodeImage(Buffer.from(body.data[0]?.b64_json ?? '', 'base64'));
    expect([out.width, out.height]).toEqual([1024, 1024]);
    expect([...out.data.subarray(0, 3)]).toEqual([255, 0, 255]);
    const right = (512 * 1024 + 1000) * 4;
    expect([...out.data.subarray(right, right + 3)]).toEqual([128, 128, 128]);
    const rec = gateway.requests.at(-1);
    expect(rec?.files?.map((f) => [f.field, f.width, f.hasAlpha])).toEqual([['image', 64, false], ['mask', 64, true]]);
  });

  it('refuses a mask without alpha, a mask of another size, and BMP-like formats', async () => {
    const noAlpha = await fetch(`${gateway.baseUrl}/images/edits`, { method: 'POST', headers: auth, body: editForm(await png(64, 64, 3), await png(64, 64, 3)) });
    expect(noAlpha.status).toBe(400);
    const otherSize = await fetch(`${gateway.baseUrl}/images/edits`, { method: 'POST', headers: auth, body: editForm(await png(64, 64, 3), await png(32, 32, 4)) });
    expect(await otherSize.text()).toMatch(/same dimensions/);
    const tiff = await sharp(Buffer.alloc(64 * 64 * 3, 9), { raw: { width: 64, height: 64, channels: 3 } }).tiff().toBuffer();
    const unsupported = await fetch(`${gateway.baseUrl}/images/edits`, { method: 'POST', headers: auth, body: editForm(tiff, await png(64, 64, 4)) });
    expect(await unsupported.text()).toMatch(/unsupported mimetype/);
  });

  it('answers 413 above its body cap and 401 outside /v1', async () => {
    const small = await startTestGateway({ maxBodyBytes: 1000 });
    try {
      const res = await fetch(`${small.baseUrl}/images/generations`, { method: 'POST', headers: auth, body: JSON.stringify({ prompt: 'x'.repeat(2000) }) });
      expect(res.status).toBe(413);
      const outside = await fetch(`${small.origin}/images/generations`, { method: 'POST', headers: auth, body: '{}' });
      expect(outside.status).toBe(401);
    } finally {
      await small.close();
    }
  });

  it('produces faults for the requested number of times', async () => {
    gateway.setFault({ kind: 'rate-limit', retryAfterS: 3, times: 1 });
    const limited = await fetch(`${gateway.baseUrl}/images/generations`, { method: 'POST', headers: auth, body: JSON.stringify({ prompt: 'x', size: '1024x1024' }) });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    const fine = await fetch(`${gateway.baseUrl}/images/generations`, { method: 'POST', headers: auth, body: JSON.stringify({ prompt: 'x', size: '1024x1024' }) });
    expect(fine.status).toBe(200);
    gateway.setFault({ kind: 'reset', times: 1 });
    await expect(fetch(`${gateway.baseUrl}/images/generations`, { method: 'POST', headers: auth, body: '{"prompt":"x"}' })).rejects.toThrow();
    gateway.setFault(null);
  });
});
