import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fastOptions, testProfile } from '../../tests/gateway/helpers.ts';
import { changedFarFromMask, compositeBack, discMask, jobInput, photoLike, type TestDocument } from '../../tests/gateway/job-fixtures.ts';
import { startTestGateway, TEST_API_KEY, type TestGateway } from '../../tests/gateway/test-gateway.ts';
import type { ProviderContext } from '../jobs/provider.ts';
import { createGatewayProvider } from './gateway-provider.ts';
import { MAX_TOUCH_PX } from './prep/mask-ops.ts';

/** A JSON relay's outpaint model: extensions go to /images/outpaint, one call per side. */

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(() => gateway.close());
beforeEach(() => {
  gateway.setFault(null);
  gateway.requests.length = 0;
});

const BAND = 16;

/** A W×H canvas whose picture sits inside the given strips of empty canvas; the mask is the strips plus a 16 px band. */
function extended(width: number, height: number, strips: { left?: number; right?: number; top?: number; bottom?: number }): TestDocument {
  const { left = 0, right = 0, top = 0, bottom = 0 } = strips;
  const image = photoLike(width, height);
  const mask = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const empty = x < left || x >= width - right || y < top || y >= height - bottom;
      if (empty) image.data[(y * width + x) * 4 + 3] = 0;
      const inBand = (left > 0 && x < left + BAND) || (right > 0 && x >= width - right - BAND) || (top > 0 && y < top + BAND) || (bottom > 0 && y >= height - bottom - BAND);
      if (empty || inBand) mask[y * width + x] = 255;
    }
  return { canvas: { x: 0, y: 0, width, height }, image, mask };
}

function provider(model = 'outpaint-v1') {
  return createGatewayProvider(testProfile(gateway, 'json-relay', model), async () => TEST_API_KEY, { call: fastOptions() });
}

const ctx = (): ProviderContext => ({ signal: new AbortController().signal, progress: () => {} });
const apiPosts = () => gateway.requests.filter((r) => r.method === 'POST');

describe('outpaint models on JSON relays', () => {
  it('the test gateway refuses an outpaint model on /images/inpaint, as strict relays do', async () => {
    const response = await fetch(`${gateway.baseUrl}/images/inpaint`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TEST_API_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ model: 'outpaint-v1', image: 'x', mask: 'y', prompt: 'p' }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/outpaint-v1 does not support \/images\/inpaint/);
  });

  it('a right extension with its overlap band is one /images/outpaint call (direction right), never /images/inpaint', async () => {
    const doc = extended(1000, 600, { right: 200 });
    const p = provider();
    const input = jobInput(p, doc);
    const [candidate] = await p.run(input, ctx());
    expect(apiPosts().map((r) => r.path)).toEqual(['/images/outpaint']);
    expect(apiPosts()[0]!.json).toMatchObject({ model: 'outpaint-v1', direction: 'right' });
    const out = compositeBack(input, candidate!);
    // Nothing beyond the band's blend changes; the new strip is the relay's paint (magenta).
    expect(changedFarFromMask(input, out, MAX_TOUCH_PX)).toBe(0);
    const strip = ((input.image.height >> 1) * input.image.width + input.image.width - 50) * 4;
    expect([...out.data.subarray(strip, strip + 4)]).toEqual([255, 0, 255, 255]);
  });

  it('left and top: one call per side, in order, each extending the previous answer; the corner is filled', async () => {
    const doc = extended(900, 700, { left: 120, top: 100 });
    const p = provider();
    const input = jobInput(p, doc);
    const [candidate] = await p.run(input, ctx());
    const posts = apiPosts();
    expect(posts.map((r) => [r.path, r.json?.direction])).toEqual([
      ['/images/outpaint', 'left'],
      ['/images/outpaint', 'top'],
    ]);
    const out = compositeBack(input, candidate!);
    expect(changedFarFromMask(input, out, MAX_TOUCH_PX)).toBe(0);
    // The crop's top-left corner is empty canvas on both sides: the second call painted it.
    expect([...out.data.subarray(0, 4)]).toEqual([255, 0, 255, 255]);
  });

  it('an outpaint model asked to change pixels inside the picture says so before sending anything', async () => {
    const doc: TestDocument = { canvas: { x: 0, y: 0, width: 800, height: 600 }, image: photoLike(800, 600), mask: discMask(800, 600, 400, 300, 60) };
    const p = provider();
    await expect(p.run(jobInput(p, doc), ctx())).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/outpaint-v1 is an outpaint model/) });
    expect(apiPosts()).toHaveLength(0);
  });

  it('an inpaint model on the same relay still extends through /images/inpaint', async () => {
    const doc = extended(1000, 600, { right: 200 });
    const p = provider('sdxl-inpaint');
    await p.run(jobInput(p, doc), ctx());
    expect(apiPosts().map((r) => r.path)).toEqual(['/images/inpaint']);
  });
});
