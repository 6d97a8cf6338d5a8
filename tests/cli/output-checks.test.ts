import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestGateway, TEST_API_KEY, type TestGateway } from '../gateway/test-gateway.ts';
import { lastLine, photos, runCli, tempDir, writeMask } from './run-cli.ts';

vi.setConfig({ testTimeout: 90_000 });

/** Every output path is checked before any work or request: nothing paid for is thrown away. */

let gateway: TestGateway;
let dir: string;
let photo: string;
let mask: string;
beforeAll(async () => {
  gateway = await startTestGateway();
  dir = await tempDir();
  photo = join(dir, 'photo.png');
  await copyFile(join(photos, 'astronaut.jpg'), join(dir, 'astronaut.jpg'));
  const { default: sharp } = await import('sharp');
  await sharp(join(photos, 'astronaut.jpg')).png().toFile(photo);
  mask = join(dir, 'mask.png');
  await writeMask(mask, 512, 512, (x, y) => Math.hypot(x - 300, y - 200) < 40);
});
afterAll(() => gateway.close());

const gatewayArgs = () => ['--base-url', gateway.baseUrl, '--model', 'gpt-image-1', '--prompt', 'a kite'];

describe('output paths are checked before the job', () => {
  it('--out equal to the input is refused with exit 2 and the photo is kept byte for byte', async () => {
    const before = await readFile(photo);
    const run = await runCli(['inpaint', photo, '--mask', mask, '--out', photo]);
    expect(run.code).toBe(2);
    expect(lastLine(run.stderr)).toContain(`The output “${photo}” is the input`);
    expect((await readFile(photo)).equals(before)).toBe(true);
  });

  it('--out equal to the input by another spelling (./relative) is refused too', async () => {
    const run = await runCli(['outpaint', 'photo.png', '--right', '32', '--out', './photo.png'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(lastLine(run.stderr)).toMatch(/is the input/);
  });

  it('--out equal to the mask is refused', async () => {
    const run = await runCli(['inpaint', photo, '--mask', mask, '--out', mask]);
    expect(run.code).toBe(2);
    expect(lastLine(run.stderr)).toContain(`is the input “${mask}”`);
  });

  it('an unwritable --out against the test gateway exits 2, names the path, and the gateway saw no request', async () => {
    const blocker = join(dir, 'not-a-folder');
    await writeFile(blocker, 'x');
    const out = join(blocker, 'result.png');
    gateway.requests.length = 0;
    const run = await runCli(['inpaint', photo, '--mask', mask, ...gatewayArgs(), '--out', out], { env: { INFILL_API_KEY: TEST_API_KEY } });
    expect(run.code).toBe(2);
    expect(lastLine(run.stderr)).toBe(`infill: Cannot write “${out}”: part of the path is a file, not a folder.`);
    expect(gateway.requests).toHaveLength(0);
  });

  it('an --out under /proc exits 2 with the person’s path, never a temporary file name', async () => {
    gateway.requests.length = 0;
    const run = await runCli(['inpaint', photo, '--mask', mask, ...gatewayArgs(), '--out', '/proc/infill-result.png'], { env: { INFILL_API_KEY: TEST_API_KEY } });
    expect(run.code).toBe(2);
    expect(lastLine(run.stderr)).toMatch(/^infill: Cannot write “\/proc\/infill-result\.png”: /);
    expect(run.stderr).not.toMatch(/\.tmp/);
    expect(gateway.requests).toHaveLength(0);
  });

  it('generate with an --out that is a folder is refused before the request', async () => {
    gateway.requests.length = 0;
    const out = join(dir, 'folder.png');
    await (await import('node:fs/promises')).mkdir(out, { recursive: true });
    const run = await runCli(['generate', ...gatewayArgs(), '--out', out], { env: { INFILL_API_KEY: TEST_API_KEY } });
    expect(run.code).toBe(2);
    expect(lastLine(run.stderr)).toBe(`infill: Cannot write “${out}”: it is a folder.`);
    expect(gateway.requests).toHaveLength(0);
  });

  it('batch into an --out that is a file is refused before any image is read', async () => {
    const shots = join(dir, 'shots');
    await (await import('node:fs/promises')).mkdir(shots, { recursive: true });
    await copyFile(photo, join(shots, 'a.png'));
    await copyFile(mask, join(shots, 'a_mask.png'));
    const out = join(dir, 'not-a-folder');
    const run = await runCli(['batch', shots, '--out', out]);
    expect(run.code).toBe(2);
    expect(lastLine(run.stderr)).toBe(`infill: Cannot write into “${out}”: it is a file, not a folder.`);
  });
});
