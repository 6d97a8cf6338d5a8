import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestGateway, TEST_API_KEY, type TestGateway } from '../gateway/test-gateway.ts';
import { decodeFile, photos, runCli, tempDir } from './run-cli.ts';

vi.setConfig({ testTimeout: 90_000 });

let gateway: TestGateway;
let dir: string;
beforeAll(async () => {
  gateway = await startTestGateway();
  dir = await tempDir();
});
afterAll(() => gateway.close());

describe('infill outpaint with a JSON relay’s outpaint model', () => {
  it('--model outpaint-v1 --right 200 sends /images/outpaint (direction right) and writes the wider picture', async () => {
    const out = join(dir, 'wider.png');
    const photo = join(photos, 'astronaut.jpg');
    const run = await runCli(['outpaint', photo, '--right', '200', '--base-url', gateway.baseUrl, '--protocol', 'json-relay', '--model', 'outpaint-v1', '--out', out], {
      env: { INFILL_API_KEY: TEST_API_KEY },
    });
    expect(run.code, run.stderr).toBe(0);
    const posts = gateway.requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.path)).toEqual(['/images/outpaint']);
    expect(posts[0]!.json).toMatchObject({ model: 'outpaint-v1', direction: 'right' });
    const [original, result] = await Promise.all([decodeFile(photo), decodeFile(out)]);
    expect([result.width, result.height]).toEqual([original.width + 200, original.height]);
    // The original left of the band's blend is untouched; the new strip is the relay's paint.
    const row = 256;
    for (const x of [0, 100, 400]) {
      const i = (row * original.width + x) * 4;
      const j = (row * result.width + x) * 4;
      expect([...result.data.subarray(j, j + 4)]).toEqual([...original.data.subarray(i, i + 4)]);
    }
    const strip = (row * result.width + result.width - 60) * 4;
    expect([...result.data.subarray(strip, strip + 3)]).toEqual([255, 0, 255]);
  });
});
