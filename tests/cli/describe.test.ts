import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startTestGateway, TEST_API_KEY, type RecordedRequest, type TestGateway } from '../gateway/test-gateway.ts';
import { VISION_ANSWERS } from '../gateway/routes-vision.ts';
import { photos, runCli, spawnCli, tempDir, writeMask } from './run-cli.ts';

vi.setConfig({ testTimeout: 90_000 });

/** `infill describe` against the local gateway: streaming, JSONL, resume without paying twice. */

let gateway: TestGateway;
let dir: string;
let images: string[];
beforeAll(async () => {
  gateway = await startTestGateway({ tokenPaceMs: 40 });
  dir = await tempDir();
  const colours = [
    { r: 200, g: 30, b: 30 },
    { r: 30, g: 200, b: 30 },
    { r: 30, g: 30, b: 200 },
  ];
  images = await Promise.all(
    colours.map(async (background, i) => {
      const path = join(dir, `product-${i + 1}.${i === 2 ? 'tiff' : 'png'}`);
      await sharp({ create: { width: 300, height: 200, channels: 3, background } }).toFile(path);
      return path;
    }),
  );
});
afterAll(() => gateway.close());
beforeEach(() => {
  gateway.setFault(null);
  gateway.requests.length = 0;
});

const key = { env: { INFILL_API_KEY: TEST_API_KEY } };
const flags = () => ['--base-url', gateway.baseUrl, '--model', 'gpt-4.1-mini'];

/** Which picture a recorded request carried, by a hash of its data URI. */
function imageOf(request: RecordedRequest): string {
  const uri = /data:image\/jpeg;base64,[A-Za-z0-9+/=]+/.exec(JSON.stringify(request.json))?.[0] ?? '';
  return createHash('sha256').update(uri).digest('hex');
}

describe('infill describe', () => {
  it('streams one image’s description to stdout and prints the cost', async () => {
    gateway.options.tokenPaceMs = 5;
    try {
      const run = await runCli(['describe', images[0]!, ...flags()], key);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout.trim()).toBe(VISION_ANSWERS.describe);
      expect(run.stderr).toMatch(/total cost about 0\.000\d+ USD \(gpt-4\.1-mini, 1234 \+ \d+ tokens\)/);
      expect(run.stderr + run.stdout).not.toContain(TEST_API_KEY);
    } finally {
      gateway.options.tokenPaceMs = 40;
    }
  });

  it('speaks Anthropic with --protocol anthropic', async () => {
    gateway.options.tokenPaceMs = 1;
    try {
      const run = await runCli(['describe', images[1]!, '--protocol', 'anthropic', '--base-url', gateway.baseUrl, '--model', 'claude-sonnet-4', '--detail', 'low'], key);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout.trim()).toBe(VISION_ANSWERS.describe);
      expect(gateway.requests.at(-1)?.rawPath).toBe('/v1/messages');
    } finally {
      gateway.options.tokenPaceMs = 40;
    }
  });

  it('3 files, concurrency 2, stopped (Ctrl+C) after the first line: the rerun describes each file exactly once', async () => {
    const out = join(dir, 'captions.jsonl');
    // Slow enough that the third file cannot finish between the first line and the stop.
    gateway.options.tokenPaceMs = 100;
    const { child, done } = spawnCli(['describe', ...images, '--concurrency', '2', '--out', out, ...flags()], key);
    // Ctrl+C as soon as the first answer is in the file: streams in flight are abandoned unpaid-for
    // (the gateway did not finish them), an answer that had fully arrived is still written.
    for (;;) {
      const text = await readFile(out, 'utf8').catch(() => '');
      if (text.includes('\n')) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill('SIGINT');
    expect((await done).code).toBe(4);
    gateway.options.tokenPaceMs = 40;
    const firstRun = (await readFile(out, 'utf8')).trim().split('\n');
    expect(firstRun.length).toBeGreaterThanOrEqual(1);
    expect(firstRun.length, firstRun.join("\n")).toBeLessThan(3);

    const rerun = await runCli(['describe', ...images, '--concurrency', '2', '--out', out, ...flags()], key);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stderr).toMatch(/already described/);
    expect(rerun.stderr).toMatch(/total cost about \d[\d.]* USD/);

    const lines = (await readFile(out, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { path: string; text: string; model: string; cost: { amount: number; currency: string }; inputTokens: number });
    expect(lines.map((l) => l.path).sort()).toEqual([...images].sort());
    for (const line of lines) expect(line).toMatchObject({ text: VISION_ANSWERS.describe, model: 'gpt-4.1-mini', inputTokens: 1234, cost: { amount: expect.any(Number), currency: 'USD' } });
    // The gateway's log: every picture was answered in full exactly once over both runs.
    const completed = gateway.requests.filter((r) => r.path === '/chat/completions' && r.completed);
    const perImage = new Map<string, number>();
    for (const request of completed) perImage.set(imageOf(request), (perImage.get(imageOf(request)) ?? 0) + 1);
    expect([...perImage.values()]).toEqual([1, 1, 1]);
    // The TIFF went out as an sRGB JPEG.
    expect(gateway.requests.every((r) => r.path !== '/chat/completions' || JSON.stringify(r.json).includes('data:image/jpeg;base64,'))).toBe(true);
  });

  it('exit codes as for jobs: bad flags 2, a wrong key 3', async () => {
    const bad = await runCli(['describe', images[0]!, '--detail', 'ultra', ...flags()], key);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--detail must be one of low, medium, high/);
    const wrong = await runCli(['describe', images[0]!, ...flags()], { env: { INFILL_API_KEY: 'sk-wrong-key-000000000000' } });
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toMatch(/401/);
    expect(wrong.stderr).not.toContain('sk-wrong-key');
  });

  it('inpaint --suggest fills with the prompt the vision model suggests', async () => {
    gateway.options.tokenPaceMs = 1;
    try {
      const mask = join(dir, 'disc.png');
      await writeMask(mask, 512, 512, (x, y) => Math.hypot(x - 300, y - 200) < 50);
      const out = join(dir, 'suggested.png');
      const run = await runCli(
        ['inpaint', join(photos, 'astronaut.jpg'), '--mask', mask, '--suggest', '--base-url', gateway.baseUrl, '--model', 'gpt-image-1', '--vision-model', 'gpt-4.1-mini', '--out', out],
        key,
      );
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain(`suggested prompt: ${VISION_ANSWERS.suggest}`);
      const edit = gateway.requests.find((r) => r.path === '/images/edits');
      expect(edit?.fields?.prompt).toBe(VISION_ANSWERS.suggest);
      const order = gateway.requests.filter((r) => r.method === 'POST').map((r) => r.path);
      expect(order).toEqual(['/chat/completions', '/images/edits']);
    } finally {
      gateway.options.tokenPaceMs = 40;
    }
  });

  it('--provider NAME uses the saved profile’s vision model and protocol, and logs the cost in its usage log', async () => {
    gateway.options.tokenPaceMs = 1;
    try {
      const dataDir = join(dir, 'app-data');
      await mkdir(dataDir, { recursive: true });
      const profile = { id: 'relay', name: 'My relay', baseUrl: gateway.baseUrl, protocol: 'openai-images', model: 'gpt-image-1', visionModel: 'claude-sonnet-4', visionProtocol: 'anthropic' };
      await writeFile(join(dataDir, 'profiles.json'), JSON.stringify({ version: 1, profiles: [profile] }));
      const run = await runCli(['describe', images[0]!, '--provider', 'My relay', '--data-dir', dataDir], key);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout.trim()).toBe(VISION_ANSWERS.describe);
      expect(gateway.requests.at(-1)?.rawPath).toBe('/v1/messages');
      const usage = (await readFile(join(dataDir, 'usage.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { model: string; cost: { amount: number; currency: string } });
      expect(usage).toEqual([expect.objectContaining({ model: 'claude-sonnet-4', gatewayName: 'My relay', cost: { amount: expect.any(Number), currency: 'USD' } })]);
    } finally {
      gateway.options.tokenPaceMs = 40;
    }
  });
});
