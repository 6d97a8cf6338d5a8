import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommandLine } from '../../electron/cli/run-command-line.ts';
import { photos } from './run-cli.ts';

/**
 * The bad-input corpus: files and command lines an unlucky person (or a script gone wrong)
 * gives the CLI, all generated here, each with the exit code and the one stderr line it must
 * get. Nothing may crash, run a job, or write a file. Run in-process through the same
 * runCommandLine as bin/infill (the child-process tests cover the real entry point).
 */

let dir: string;
const at = (name: string) => join(dir, name);

/** A real 1×1 PNG whose header is rewritten to claim width×height (the size check comes before decoding). */
async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = await sharp({ create: { width: 1, height: 1, channels: 4, background: '#000' } }).png().toBuffer();
  // Signature (8) + IHDR length (4) + "IHDR" (4): width and height follow, then the CRC at 29.
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'infill-corpus-'));
  const W = 64;
  const H = 48;
  await sharp(join(photos, 'astronaut.jpg')).resize(W, H, { fit: 'fill' }).png().toFile(at('photo.png'));
  const disc = Buffer.alloc(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) disc[y * W + x] = Math.hypot(x - 32, y - 24) < 8 ? 255 : 0;
  await sharp(disc, { raw: { width: W, height: H, channels: 1 } }).png().toFile(at('mask.png'));
  await sharp(Buffer.alloc(W * H), { raw: { width: W, height: H, channels: 1 } }).png().toFile(at('black-mask.png'));
  await sharp(Buffer.alloc(32 * 32, 255), { raw: { width: 32, height: 32, channels: 1 } }).png().toFile(at('small-mask.png'));
  const jpeg = await readFile(join(photos, 'coffee.jpg'));
  await writeFile(at('truncated.jpg'), jpeg.subarray(0, Math.floor(jpeg.length / 2)));
  await writeFile(at('empty.png'), '');
  await writeFile(at('notes.png'), 'these are my notes, not a picture');
  const bmp = Buffer.alloc(64);
  bmp.write('BM');
  await writeFile(at('old.bmp'), bmp);
  await writeFile(at('scan.pdf'), '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n');
  await writeFile(at('logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');
  const heic = Buffer.alloc(64);
  heic.writeUInt32BE(24, 0);
  heic.write('ftypheic', 4);
  await writeFile(at('phone.heic'), heic);
  await writeFile(at('huge.png'), await pngClaiming(20_000, 20_000));
  await mkdir(at('folder.png'));
  await writeFile(at('a-file'), 'not a folder');
  await mkdir(at('no-masks'));
  await sharp(at('photo.png')).toFile(at('no-masks/lonely.png'));
});
afterAll(async () => {
  const { rm } = await import('node:fs/promises');
  await rm(dir, { recursive: true, force: true });
});

interface Case {
  name: string;
  args: () => string[];
  exit: number;
  /** The last stderr line. */
  message: RegExp;
}

const photo = () => at('photo.png');
const mask = () => at('mask.png');
const inpaint = (...more: string[]) => ['inpaint', photo(), '--mask', mask(), '--out', at('out.png'), ...more];

const corpus: Case[] = [
  // Command lines
  { name: 'an unknown command', args: () => ['frobnicate'], exit: 2, message: /^infill: unknown command “frobnicate”; commands: inpaint, outpaint, generate, batch, models/ },
  { name: 'inpaint without an image', args: () => ['inpaint', '--mask', mask()], exit: 2, message: /^infill: inpaint takes one IMAGE/ },
  { name: 'inpaint with two images', args: () => ['inpaint', photo(), photo(), '--mask', mask()], exit: 2, message: /^infill: inpaint takes one IMAGE/ },
  { name: 'inpaint without --mask', args: () => ['inpaint', photo()], exit: 2, message: /^infill: inpaint needs --mask MASK/ },
  { name: 'a mistyped flag', args: () => inpaint('--mask-alfa'), exit: 2, message: /^infill: Unknown option '--mask-alfa'/ },
  { name: '--n 0', args: () => inpaint('--n', '0'), exit: 2, message: /^infill: --n must be a whole number from 1 to 10 \(got “0”\)/ },
  { name: '--n 11', args: () => inpaint('--n', '11'), exit: 2, message: /^infill: --n must be a whole number from 1 to 10 \(got “11”\)/ },
  { name: '--n 2.5', args: () => inpaint('--n', '2.5'), exit: 2, message: /^infill: --n must be a whole number from 1 to 10 \(got “2\.5”\)/ },
  { name: '--seed -1', args: () => inpaint('--seed', '-1'), exit: 2, message: /^infill: --seed must be a whole number from 0 to 2147483647 \(got “-1”\)/ },
  { name: '--quality 0', args: () => inpaint('--quality', '0'), exit: 2, message: /^infill: --quality must be a whole number from 1 to 100 \(got “0”\)/ },
  { name: 'an unknown engine', args: () => inpaint('--engine', 'magic'), exit: 2, message: /^infill: --engine must be one of auto, smooth, content-aware \(got “magic”\)/ },
  { name: '--size on inpaint', args: () => inpaint('--size', '100x100'), exit: 2, message: /^infill: --size does not apply to inpaint/ },
  { name: '--exclude with smooth fill', args: () => inpaint('--engine', 'smooth', '--exclude', mask()), exit: 2, message: /^infill: --exclude applies to offline content-aware fill only/ },
  { name: '--protocol without a gateway', args: () => inpaint('--protocol', 'json-relay'), exit: 2, message: /^infill: --protocol applies to a gateway; add --base-url URL/ },
  { name: 'a base URL that is not http(s)', args: () => inpaint('--base-url', 'ftp://relay.example.com/v1'), exit: 2, message: /^infill: --base-url: / },
  { name: 'plain http to a remote host', args: () => inpaint('--base-url', 'http://relay.example.com/v1'), exit: 2, message: /https:\/\/relay\.example\.com\/v1/ },
  { name: '--provider offline with --base-url', args: () => inpaint('--provider', 'offline', '--base-url', 'https://relay.example.com/v1'), exit: 2, message: /^infill: --base-url sends the job to a gateway/ },
  { name: 'an unknown protocol', args: () => inpaint('--base-url', 'https://relay.example.com/v1', '--protocol', 'carrier-pigeon'), exit: 2, message: /^infill: --protocol must be one of openai-images, chat-image, json-relay \(got “carrier-pigeon”\)/ },
  { name: 'json-relay without --model', args: () => inpaint('--base-url', 'https://relay.example.com/v1', '--protocol', 'json-relay'), exit: 2, message: /^infill: --protocol json-relay needs --model/ },
  { name: 'an output format Infill cannot write', args: () => ['inpaint', photo(), '--mask', mask(), '--out', at('result.bmp')], exit: 2, message: /^infill: Cannot tell the output format from “result\.bmp”: end it in \.png, \.jpg, \.webp, \.avif, \.psd or \.ora\./ },
  { name: '--out equal to the input', args: () => ['inpaint', photo(), '--mask', mask(), '--out', photo()], exit: 2, message: /^infill: The output “.*photo\.png” is the input/ },
  { name: '--out under a file', args: () => ['inpaint', photo(), '--mask', mask(), '--out', at('a-file/out.png')], exit: 2, message: /^infill: Cannot write “.*a-file\/out\.png”: part of the path is a file, not a folder\./ },
  { name: '--out that is a folder', args: () => ['inpaint', photo(), '--mask', mask(), '--out', at('folder.png')], exit: 2, message: /^infill: Cannot write “.*folder\.png”: it is a folder\./ },
  { name: 'outpaint --left -50', args: () => ['outpaint', photo(), '--left', '-50', '--out', at('wide.png')], exit: 2, message: /^infill: --left must be a whole number from 0 to 10000 \(got “-50”\)/ },
  { name: 'outpaint without a side or size', args: () => ['outpaint', photo(), '--out', at('wide.png')], exit: 2, message: /^infill: Say how far to extend/ },
  { name: 'outpaint --size smaller than the image', args: () => ['outpaint', photo(), '--size', '10x10', '--out', at('wide.png')], exit: 2, message: /^infill: --size 10x10 is smaller than the image \(64x48\)/ },
  { name: 'outpaint --size that is not WxH', args: () => ['outpaint', photo(), '--size', 'big', '--out', at('wide.png')], exit: 2, message: /^infill: --size must be WIDTHxHEIGHT in pixels/ },
  { name: 'outpaint --size with a side', args: () => ['outpaint', photo(), '--size', '200x200', '--left', '5', '--out', at('wide.png')], exit: 2, message: /^infill: Give either --size WxH or --left\/--right\/--top\/--bottom, not both/ },
  { name: 'outpaint beyond the 100 MP export limit', args: () => ['outpaint', photo(), '--left', '10000', '--right', '10000', '--top', '10000', '--bottom', '10000', '--out', at('wide.png')], exit: 2, message: /^infill: The canvas is 20064×20048 \(402 MP\); Infill exports images up to 100 MP/ },
  { name: 'generate without a gateway', args: () => ['generate', '--prompt', 'a kite', '--out', at('kite.png')], exit: 2, message: /^infill: generate needs a gateway/ },
  { name: 'generate without a prompt', args: () => ['generate', '--base-url', 'https://relay.example.com/v1', '--out', at('kite.png')], exit: 2, message: /^infill: generate needs --prompt TEXT/ },
  { name: 'generate without --out', args: () => ['generate', '--base-url', 'https://relay.example.com/v1', '--prompt', 'a kite'], exit: 2, message: /^infill: generate needs --out FILE/ },
  { name: 'batch on a folder that does not exist', args: () => ['batch', at('nowhere')], exit: 2, message: /^infill: The folder “.*nowhere” does not exist\./ },
  { name: 'batch with an unknown --format', args: () => ['batch', at('no-masks'), '--format', 'bmp'], exit: 2, message: /^infill: --format must be png, jpg, webp, avif, psd or ora \(got “bmp”\)/ },
  { name: 'batch where no image has a mask', args: () => ['batch', at('no-masks')], exit: 2, message: /^infill: No image in “.*no-masks” has a mask named <name>_mask\.<ext> beside it\./ },
  { name: 'models without a URL or profile', args: () => ['models'], exit: 2, message: /^infill: models needs --base-url URL or a saved PROFILE name/ },
  // Files
  { name: 'an image that does not exist', args: () => ['inpaint', at('missing.jpg'), '--mask', mask(), '--out', at('out.png')], exit: 2, message: /^infill: The image “.*missing\.jpg” does not exist\./ },
  { name: 'an image that is a folder', args: () => ['inpaint', at('folder.png'), '--mask', mask(), '--out', at('out.png')], exit: 2, message: /^infill: The image “.*folder\.png” is a folder\./ },
  { name: 'an empty file', args: () => ['inpaint', at('empty.png'), '--mask', mask(), '--out', at('out.png')], exit: 2, message: /^infill: “empty\.png” is empty \(0 bytes\)\./ },
  { name: 'text named .png', args: () => ['inpaint', at('notes.png'), '--mask', mask(), '--out', at('out.png')], exit: 2, message: /^infill: “notes\.png” is not an image Infill can read\./ },
  { name: 'a truncated JPEG', args: () => ['inpaint', at('truncated.jpg'), '--mask', mask(), '--out', at('out.png')], exit: 2, message: /^infill: “truncated\.jpg” is damaged or incomplete/ },
  { name: 'a BMP', args: () => ['inpaint', at('old.bmp'), '--mask', mask(), '--out', at('out.png')], exit: 2, message: /^infill: “old\.bmp” is a BMP image\. Infill opens PNG, JPEG, WebP, GIF, TIFF and AVIF files\./ },
  { name: 'a PDF', args: () => ['inpaint', at('scan.pdf'), '--mask', mask(), '--out', at('out.png')], exit: 2, message: /^infill: “scan\.pdf” is a PDF document\./ },
  { name: 'an SVG', args: () => ['inpaint', at('logo.svg'), '--mask', mask(), '--out', at('out.png')], exit: 2, message: /^infill: “logo\.svg” is an SVG file\./ },
  { name: 'a HEIC photo', args: () => ['inpaint', at('phone.heic'), '--mask', mask(), '--out', at('out.png')], exit: 2, message: /^infill: “phone\.heic” is a HEIC photo\./ },
  { name: 'an image above 100 MP', args: () => ['inpaint', at('huge.png'), '--mask', mask(), '--out', at('out.png')], exit: 2, message: /^infill: “huge\.png” is 20000×20000 \(400 MP\); Infill opens images up to 100 MP\./ },
  { name: 'a mask of another size', args: () => ['inpaint', photo(), '--mask', at('small-mask.png'), '--out', at('out.png')], exit: 2, message: /^infill: The mask “small-mask\.png” is 32×32 but “photo\.png” is 64×48; they must be the same size\./ },
  { name: 'an all-black mask', args: () => ['inpaint', photo(), '--mask', at('black-mask.png'), '--out', at('out.png')], exit: 2, message: /^infill: The mask “black-mask\.png” has no white pixels \(white marks the area to change\)\./ },
  { name: 'a mask that is text', args: () => ['inpaint', photo(), '--mask', at('notes.png'), '--out', at('out.png')], exit: 2, message: /^infill: “notes\.png” is not an image Infill can read\./ },
  { name: 'a mask that does not exist', args: () => ['inpaint', photo(), '--mask', at('nomask.png'), '--out', at('out.png')], exit: 2, message: /^infill: The mask “.*nomask\.png” does not exist\./ },
];

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const streams = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } };
  const env = { PATH: process.env.PATH, INFILL_DATA_DIR: join(dir, 'app-data') };
  const code = await runCommandLine(args, { env, streams, version: () => 'test', worker: {} });
  return { code, stdout, stderr };
}

describe(`the bad-input corpus (${corpus.length} cases)`, () => {
  it('has at least 30 cases', () => expect(corpus.length).toBeGreaterThanOrEqual(30));

  for (const c of corpus) {
    it(`${c.name}: exit ${c.exit} with its own message, nothing written`, async () => {
      const result = await run(c.args());
      const last = result.stderr.trim().split('\n').pop() ?? '';
      expect({ code: result.code, last }).toMatchObject({ code: c.exit, last: expect.stringMatching(c.message) });
      expect(result.stdout).toBe('');
      expect(last).not.toMatch(/\.tmp|at .*\.ts:\d+|undefined|\[object /);
      for (const name of ['out.png', 'wide.png', 'kite.png']) await expect(readFile(at(name))).rejects.toMatchObject({ code: 'ENOENT' });
    }, 60_000);
  }
});
