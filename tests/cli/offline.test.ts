import { existsSync } from 'node:fs';
import { readPsd } from 'ag-psd';
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import sharp from 'sharp';
import { readPngText } from '../../electron/export/png-text.ts';
import type { RgbaImage } from '../../electron/services/rgba-image.ts';
import { whitePixels, writeHalvesPicture } from '../support/halves-picture.ts';
import { comparePixels, decodeFile, lastLine, photos, runCli, spawnCli, tempDir, writeMask } from './run-cli.ts';

// Each test starts the CLI as a child process (tsx compiles it first): slower than a unit test.
vi.setConfig({ testTimeout: 90_000 });

/** `infill inpaint|outpaint --provider offline` on a real photo, as a child process. */

const photo = join(photos, 'coffee.jpg');
const W = 600;
const H = 400;
/** A 90×80 box over the cup's rim: big enough for content-aware, small enough to be quick. */
const inBox = (x: number, y: number) => x >= 250 && x < 340 && y >= 150 && y < 230;

let dir: string;
let original: RgbaImage;
beforeAll(async () => {
  dir = await tempDir();
  original = await decodeFile(photo);
});

async function expectOnlyMaskChanged(out: string, inside: (x: number, y: number) => boolean): Promise<void> {
  const result = await decodeFile(out);
  expect([result.width, result.height]).toEqual([W, H]);
  const diff = comparePixels(original, result, inside);
  expect(diff.changedOutside, 'pixels outside the mask changed').toBe(0);
  expect(diff.changedInside).toBeGreaterThan(diff.inside * 0.5);
}

describe('infill inpaint (offline)', () => {
  it('white-on-black mask: outside byte-identical, inside filled; the path on stdout', async () => {
    const mask = join(dir, 'black.png');
    await writeMask(mask, W, H, inBox);
    const out = join(dir, 'black-out.png');
    const run = await runCli(['inpaint', photo, '--mask', mask, '--out', out, '--provider', 'offline', '--seed', '7']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(out);
    await expectOnlyMaskChanged(out, inBox);
  });

  it('white strokes on transparency: transparent (even white-transparent) pixels are kept', async () => {
    const mask = join(dir, 'transparent.png');
    await writeMask(mask, W, H, inBox, [255, 255, 255, 255], [255, 255, 255, 0]);
    const out = join(dir, 'transparent-out.png');
    const run = await runCli(['inpaint', photo, '--mask', mask, '--out', out, '--engine', 'smooth']);
    expect(run.code, run.stderr).toBe(0);
    await expectOnlyMaskChanged(out, inBox);
  });

  it('--mask-alpha: alpha 0 marks the edit (OpenAI style)', async () => {
    const mask = join(dir, 'alpha.png');
    // Opaque white everywhere it keeps: under the luminance rule that would be "edit all".
    await writeMask(mask, W, H, inBox, [0, 0, 0, 0], [255, 255, 255, 255]);
    const out = join(dir, 'alpha-out.png');
    const run = await runCli(['inpaint', photo, '--mask', mask, '--mask-alpha', '--out', out, '--engine', 'smooth']);
    expect(run.code, run.stderr).toBe(0);
    await expectOnlyMaskChanged(out, inBox);
  });

  it('--n 2 writes FILE-1 and FILE-2, as JPEG from the extension', async () => {
    const mask = join(dir, 'n.png');
    await writeMask(mask, W, H, inBox);
    const run = await runCli(['inpaint', photo, '--mask', mask, '--out', join(dir, 'var.jpg'), '--n', '2', '--seed', '3', '--engine', 'content-aware']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual([join(dir, 'var-1.jpg'), join(dir, 'var-2.jpg')]);
    const first = await decodeFile(join(dir, 'var-1.jpg'));
    expect([first.width, first.height]).toEqual([W, H]);
    // Different seeds, different fills.
    const second = await decodeFile(join(dir, 'var-2.jpg'));
    expect(Buffer.compare(first.data, second.data)).not.toBe(0);
  });

  it('writes the generation into the file as the app’s Export does (PNG text, XMP); --strip-metadata writes none', async () => {
    const mask = join(dir, 'meta.png');
    await writeMask(mask, W, H, inBox);
    const png = join(dir, 'meta-out.png');
    const tagged = await runCli(['inpaint', photo, '--mask', mask, '--out', png, '--engine', 'smooth', '--seed', '11']);
    expect(tagged.code, tagged.stderr).toBe(0);
    expect(readPngText(new Uint8Array(await readFile(png)))).toMatchObject({ Software: 'Infill', 'infill:seed': '11', 'infill:provider': 'offline-smooth', 'infill:model': 'smooth' });
    const jpeg = join(dir, 'meta-out.jpg');
    expect((await runCli(['inpaint', photo, '--mask', mask, '--out', jpeg, '--engine', 'smooth', '--seed', '12'])).code).toBe(0);
    expect((await sharp(jpeg).metadata()).xmp?.toString('utf8')).toContain('<infill:seed>12</infill:seed>');

    const stripped = join(dir, 'meta-stripped.png');
    const plain = await runCli(['inpaint', photo, '--mask', mask, '--out', stripped, '--engine', 'smooth', '--strip-metadata']);
    expect(plain.code, plain.stderr).toBe(0);
    expect(readPngText(new Uint8Array(await readFile(stripped)))).toEqual({});
    await expectOnlyMaskChanged(stripped, inBox);
  });

  it('smooth fill is deterministic: --n 2 writes one file and says why', async () => {
    const mask = join(dir, 'n-smooth.png');
    await writeMask(mask, W, H, inBox);
    const run = await runCli(['inpaint', photo, '--mask', mask, '--out', join(dir, 'sm.png'), '--n', '2', '--engine', 'smooth']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe(join(dir, 'sm-1.png'));
    expect(run.stderr).toMatch(/note: smooth fill is deterministic: 1 result, not 2/);
  });

  it('a mask of the wrong size: exit 2 and one line that says so', async () => {
    const run = await runCli(['inpaint', photo, '--mask', join(photos, 'chelsea.png'), '--out', join(dir, 'never.png')]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^infill: The mask “chelsea\.png” is 451×300 but “coffee\.jpg” is 600×400; they must be the same size\./);
    expect(await readdir(dir)).not.toContain('never.png');
  });

  it('a corrupt image, a missing file, an unknown flag: exit 2', async () => {
    const corrupt = join(dir, 'corrupt.jpg');
    const { readFile } = await import('node:fs/promises');
    const bytes = await readFile(photo);
    // A real JPEG header with the data cut off after 2 KB: the header reads, decoding fails.
    await writeFile(corrupt, bytes.subarray(0, 2048));
    const mask = join(dir, 'for-corrupt.png');
    await writeMask(mask, W, H, inBox);
    const broken = await runCli(['inpaint', corrupt, '--mask', mask, '--out', join(dir, 'c.png')]);
    expect(broken.code).toBe(2);
    expect(lastLine(broken.stderr)).toMatch(/corrupt\.jpg/);
    const missing = await runCli(['inpaint', join(dir, 'nope.jpg'), '--mask', mask]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/does not exist/);
    const flag = await runCli(['inpaint', photo, '--mask', mask, '--maks-alpha']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/--maks-alpha/);
  });

  it('speaks the language of LC_ALL / LANG: the same refusal in German and Vietnamese, flags still English', async () => {
    const corrupt = join(dir, 'kaputt.jpg');
    const { readFile } = await import('node:fs/promises');
    await writeFile(corrupt, (await readFile(photo)).subarray(0, 2048));
    const mask = join(dir, 'for-kaputt.png');
    await writeMask(mask, W, H, inBox);
    const german = await runCli(['inpaint', corrupt, '--mask', mask, '--out', join(dir, 'k.png')], { env: { LC_ALL: '', LANG: 'de_DE.UTF-8' } });
    expect(german.code).toBe(2);
    expect(lastLine(german.stderr)).toMatch(/^infill: „kaputt\.jpg“ ist beschädigt oder unvollständig/);
    const vietnamese = await runCli(['inpaint', corrupt, '--mask', mask, '--out', join(dir, 'k.png')], { env: { LC_ALL: 'vi_VN.UTF-8' } });
    expect(lastLine(vietnamese.stderr)).toMatch(/^infill: “kaputt\.jpg” bị hỏng/);
    const unknown = await runCli(['inpiant'], { env: { LC_ALL: 'de_DE.UTF-8' } });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unbekannter Befehl „inpiant“; Befehle: inpaint');
  });

  it('an all-black mask is refused (exit 2) instead of writing an unchanged copy', async () => {
    const mask = join(dir, 'empty.png');
    await writeMask(mask, W, H, () => false);
    const run = await runCli(['inpaint', photo, '--mask', mask, '--out', join(dir, 'e.png')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no white pixels/);
  });
});

describe('infill inpaint --exclude', () => {
  // 240×160 (tests/support/halves-picture.ts); a 40 px band down the middle is filled.
  const w = 240;
  const h = 160;
  const inBand = (x: number) => x >= 100 && x < 140;
  const whiteInBand = (image: RgbaImage): number => whitePixels(image, (x) => inBand(x));

  it('content-aware fill copies nothing from the excluded half; smooth fill refuses the flag', async () => {
    const image = join(dir, 'halves.png');
    await writeHalvesPicture(image, w, h, 10);
    const mask = join(dir, 'band.png');
    await writeMask(mask, w, h, (x) => inBand(x));
    const exclude = join(dir, 'right-half.png');
    await writeMask(exclude, w, h, (x) => x >= 120);
    const base = ['inpaint', image, '--mask', mask, '--engine', 'content-aware', '--seed', '3'];

    const excluded = join(dir, 'excluded.png');
    const run = await runCli([...base, '--exclude', exclude, '--out', excluded]);
    expect(run.code, run.stderr).toBe(0);
    expect(whiteInBand(await decodeFile(excluded))).toBe(0);
    const plain = join(dir, 'plain.png');
    expect((await runCli([...base, '--out', plain])).code).toBe(0);
    expect(whiteInBand(await decodeFile(plain))).toBeGreaterThan(100);

    const smooth = await runCli(['inpaint', image, '--mask', mask, '--engine', 'smooth', '--exclude', exclude, '--out', join(dir, 's.png')]);
    expect(smooth.code).toBe(2);
    expect(smooth.stderr).toMatch(/--exclude applies to offline content-aware fill only/);
  });
});

describe('infill outpaint (offline)', () => {
  it('extends the canvas; the original outside the overlap band is byte-identical and the new area filled', async () => {
    const input = join(dir, 'photo.jpg');
    await copyFile(photo, input);
    const out = join(dir, 'wide.png');
    const run = await runCli(['outpaint', input, '--right', '80', '--top', '30', '--out', out, '--seed', '1']);
    expect(run.code, run.stderr).toBe(0);
    const result = await decodeFile(out);
    expect([result.width, result.height]).toEqual([W + 80, H + 30]);
    const band = 16;
    let changed = 0;
    let transparent = 0;
    for (let y = 0; y < result.height; y++)
      for (let x = 0; x < result.width; x++) {
        const i = (y * result.width + x) * 4;
        if (result.data[i + 3] !== 255) transparent++;
        const ox = x;
        const oy = y - 30;
        const keptArea = ox >= 0 && ox < W - band && oy >= band && oy < H;
        if (!keptArea) continue;
        const o = (oy * W + ox) * 4;
        for (let c = 0; c < 4; c++) if (result.data[i + c] !== original.data[o + c]) changed++;
      }
    expect(changed).toBe(0);
    expect(transparent).toBe(0);
  });

  it('--out FILE.psd keeps the photo and the fill as two layers at their places', async () => {
    const out = join(dir, 'layers.psd');
    const run = await runCli(['outpaint', photo, '--left', '40', '--out', out, '--seed', '1']);
    expect(run.code, run.stderr).toBe(0);
    const psd = readPsd(new Uint8Array(await readFile(out)), { skipLayerImageData: true, skipCompositeImageData: true, skipThumbnail: true });
    expect([psd.width, psd.height]).toEqual([W + 40, H]);
    expect(psd.children?.map((layer) => [layer.name, layer.left, layer.top])).toEqual([
      ['Layer 1', 40, 0],
      ['Generated', 0, 0],
    ]);
  });

  it('says how to extend when no side is given (exit 2)', async () => {
    const run = await runCli(['outpaint', photo, '--out', join(dir, 'x.png')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--left\/--right\/--top\/--bottom/);
  });
});

describe('Ctrl+C during an offline fill', () => {
  it('stops the worker at once: exit 4, nothing written', async () => {
    // A large outpaint by content-aware fill takes many seconds: plenty of time to interrupt it.
    const out = join(dir, 'interrupted.png');
    const { child, done } = spawnCli(['outpaint', join(photos, 'astronaut.jpg'), '--size', '1600x1600', '--engine', 'content-aware', '--out', out, '--verbose']);
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    for (let i = 0; i < 400 && !/content-aware fill/.test(stderr); i++) await new Promise((r) => setTimeout(r, 50));
    expect(stderr).toMatch(/content-aware fill/);
    const sent = Date.now();
    child.kill('SIGINT');
    const run = await done;
    expect(run.code).toBe(4);
    expect(Date.now() - sent).toBeLessThan(3_000);
    expect(lastLine(run.stderr)).toMatch(/^infill: .*cancel/i);
    expect(existsSync(out)).toBe(false);
  });
});
