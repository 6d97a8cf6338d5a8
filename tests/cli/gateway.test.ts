import { existsSync } from 'node:fs';
import { copyFile, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { readPngText } from '../../electron/export/png-text.ts';
import type { RgbaImage } from '../../electron/services/rgba-image.ts';
import { startTestGateway, TEST_API_KEY, type TestGateway } from '../gateway/test-gateway.ts';
import { decodeFile, lastLine, photos, runCli, spawnCli, tempDir, writeMask } from './run-cli.ts';

// Each test starts the CLI as a child process (tsx compiles it first): slower than a unit test.
vi.setConfig({ testTimeout: 90_000 });

/** The CLI against the project's local test gateway: real HTTP, real faults. */

const photo = join(photos, 'astronaut.jpg');
const S = 512;
const inDisc = (x: number, y: number) => Math.hypot(x - 300, y - 200) < 50;

let gateway: TestGateway;
let dir: string;
let mask: string;
let original: RgbaImage;
beforeAll(async () => {
  gateway = await startTestGateway();
  dir = await tempDir();
  mask = join(dir, 'disc.png');
  await writeMask(mask, S, S, inDisc);
  original = await decodeFile(photo);
});
afterAll(() => gateway.close());
beforeEach(() => {
  gateway.setFault(null);
  gateway.requests.length = 0;
});

const withKey = (key = TEST_API_KEY) => ({ env: { INFILL_API_KEY: key } });

describe('infill with a gateway', () => {
  it('inpaint via openai-images: the paint lands in the mask, nothing farther than 32 px changes, even with the mask ignored', async () => {
    gateway.setFault({ kind: 'mask-ignored' });
    const out = join(dir, 'edit.png');
    const run = await runCli(['inpaint', photo, '--mask', mask, '--prompt', 'a red balloon', '--base-url', gateway.baseUrl, '--model', 'gpt-image-1', '--out', out], withKey());
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe(out);
    const edits = gateway.requests.filter((r) => r.path === '/images/edits');
    expect(edits).toHaveLength(1);
    expect(edits[0]!.fields?.prompt).toBe('a red balloon');
    expect(edits[0]!.headers.authorization).toBe(`Bearer ${TEST_API_KEY}`);
    expect(readPngText(new Uint8Array(await readFile(out)))).toMatchObject({ 'infill:prompt': 'a red balloon', 'infill:model': 'gpt-image-1' });

    const result = await decodeFile(out);
    let farChanged = 0;
    for (let y = 0; y < S; y++)
      for (let x = 0; x < S; x++) {
        if (Math.hypot(x - 300, y - 200) < 50 + 32) continue;
        const i = (y * S + x) * 4;
        for (let c = 0; c < 4; c++) if (result.data[i + c] !== original.data[i + c]) farChanged++;
      }
    expect(farChanged).toBe(0);
    // The test gateway paints magenta.
    const centre = (200 * S + 300) * 4;
    expect([result.data[centre], result.data[centre + 1], result.data[centre + 2]]).toEqual([255, 0, 255]);
  });

  it('an ad-hoc --base-url job is added to the app’s usage log, priced, under the gateway’s host', async () => {
    const dataDir = join(dir, 'app-data');
    const run = await runCli(
      ['inpaint', photo, '--mask', mask, '--base-url', gateway.baseUrl, '--model', 'gpt-image-1', '--n', '2', '--out', join(dir, 'billed.png')],
      { env: { INFILL_API_KEY: TEST_API_KEY, INFILL_DATA_DIR: dataDir } },
    );
    expect(run.code, run.stderr).toBe(0);
    const lines = (await readFile(join(dataDir, 'usage.jsonl'), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!) as { gatewayName: string; model: string; images: number; cost?: { amount: number; currency: string } };
    expect(entry).toMatchObject({ gatewayName: new URL(gateway.baseUrl).host, model: 'gpt-image-1', images: 2 });
    expect(entry.cost?.amount).toBeGreaterThan(0);
    expect(entry.cost?.currency).toBe('USD');
  });

  it('outpaint via a JSON relay: a wider picture; the original beyond the band (+32 px blend) is untouched', async () => {
    const out = join(dir, 'wider.png');
    const run = await runCli(['outpaint', photo, '--left', '64', '--base-url', gateway.baseUrl, '--protocol', 'json-relay', '--model', 'sdxl-inpaint', '--out', out], withKey());
    expect(run.code, run.stderr).toBe(0);
    const result = await decodeFile(out);
    expect([result.width, result.height]).toEqual([S + 64, S]);
    let farChanged = 0;
    for (let y = 0; y < S; y++)
      for (let x = 16 + 32; x < S; x++) {
        const i = (y * (S + 64) + x + 64) * 4;
        const o = (y * S + x) * 4;
        for (let c = 0; c < 4; c++) if (result.data[i + c] !== original.data[o + c]) farChanged++;
      }
    expect(farChanged).toBe(0);
    // The new strip is the relay's paint, fully opaque.
    const strip = (100 * (S + 64) + 10) * 4;
    expect([...result.data.subarray(strip, strip + 4)]).toEqual([255, 0, 255, 255]);
  });

  it('a wrong key: exit 3, one line naming the URL, and the key appears nowhere', async () => {
    const secret = 'sk-live-SECRET-do-not-print-4242';
    const run = await runCli(['inpaint', photo, '--mask', mask, '--base-url', gateway.baseUrl, '--out', join(dir, 'never.png')], withKey(secret));
    expect(run.code).toBe(3);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^infill: .*(key|401)/i);
    expect(run.stderr).toContain(gateway.baseUrl);
    for (const fragment of [secret, 'SECRET-do-not-print', '4242']) {
      expect(run.stderr).not.toContain(fragment);
      expect(run.stdout).not.toContain(fragment);
    }
    expect(existsSync(join(dir, 'never.png'))).toBe(false);
  });

  it('models lists the gateway’s models, one per line', async () => {
    const run = await runCli(['models', '--base-url', gateway.baseUrl], withKey());
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual(gateway.options.models);
    const denied = await runCli(['models', '--base-url', gateway.baseUrl], withKey('sk-wrong-0000000000'));
    expect(denied.code).toBe(3);
    expect(denied.stderr).not.toContain('sk-wrong-0000000000');
  });

  it('generate writes the requested size; --n 2 gives FILE-1 and FILE-2', async () => {
    const out = join(dir, 'gen.webp');
    const run = await runCli(['generate', '--prompt', 'a lighthouse', '--base-url', gateway.baseUrl, '--size', '640x480', '--n', '2', '--out', out], withKey());
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual([join(dir, 'gen-1.webp'), join(dir, 'gen-2.webp')]);
    const image = await decodeFile(join(dir, 'gen-1.webp'));
    expect([image.width, image.height]).toEqual([640, 480]);
    // One request for both variations: the images endpoint's own n.
    const generations = gateway.requests.filter((r) => r.path === '/images/generations');
    expect(generations).toHaveLength(1);
    expect(generations[0]!.json?.n).toBe(2);
    const offline = await runCli(['generate', '--prompt', 'x', '--out', out]);
    expect(offline.code).toBe(2);
  });

  it('Ctrl+C during the request: the request is aborted, exit 4, nothing written', async () => {
    gateway.setFault({ kind: 'delay', ms: 30_000 });
    const out = join(dir, 'cancelled.png');
    const { child, done } = spawnCli(['inpaint', photo, '--mask', mask, '--base-url', gateway.baseUrl, '--out', out], withKey());
    for (let i = 0; i < 300 && !gateway.requests.some((r) => r.path === '/images/edits'); i++) await new Promise((r) => setTimeout(r, 50));
    expect(gateway.requests.some((r) => r.path === '/images/edits')).toBe(true);
    const sent = Date.now();
    child.kill('SIGINT');
    const run = await done;
    expect(run.code).toBe(4);
    expect(Date.now() - sent).toBeLessThan(5_000);
    expect(lastLine(run.stderr)).toMatch(/^infill: .*cancel/i);
    expect(existsSync(out)).toBe(false);
  });

  it('batch: Ctrl+C stops every request (exit 4, nothing half-written); the same command then resumes and finishes', async () => {
    const batchDir = await tempDir();
    await copyFile(photo, join(batchDir, 'one.jpg'));
    await copyFile(photo, join(batchDir, 'two.jpg'));
    await copyFile(mask, join(batchDir, 'one_mask.png'));
    await copyFile(mask, join(batchDir, 'two_mask.png'));
    const args = ['batch', batchDir, '--base-url', gateway.baseUrl, '--concurrency', '2'];
    gateway.setFault({ kind: 'delay', ms: 30_000 });
    const { child, done } = spawnCli(args, withKey());
    for (let i = 0; i < 300 && gateway.requests.filter((r) => r.path === '/images/edits').length < 2; i++) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGINT');
    const cancelled = await done;
    expect(cancelled.code).toBe(4);
    expect(lastLine(cancelled.stderr)).toMatch(/^infill: Cancelled after 0 new result\(s\); run the same command again to resume\./);
    expect(existsSync(join(batchDir, 'infilled'))).toBe(false);

    gateway.setFault(null);
    const resumed = await runCli(args, withKey());
    expect(resumed.code, resumed.stderr).toBe(0);
    expect((await readdir(join(batchDir, 'infilled'))).sort()).toEqual(['one.png', 'two.png']);
    expect(resumed.stderr).toMatch(/cost about \d+\.\d+ USD/);
  });
});
