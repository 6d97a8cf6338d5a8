import { describe, expect, it } from 'vitest';
import { InfillError } from '../../shared/errors.ts';
import { int, parse, providerSelection, type Values } from '../../electron/cli/args.ts';
import { createCliIo } from '../../electron/cli/cli-io.ts';
import { EXIT, exitCodeFor, UsageError } from '../../electron/cli/exit-codes.ts';
import { gatewayTargetFromFlags } from '../../electron/cli/gateway-target.ts';
import { extensionFrom, outpaintDocument } from '../../electron/cli/outpaint.ts';
import { formatForPath, outputPaths } from '../../electron/cli/output.ts';
import { maskFromRgba } from '../../electron/cli/read-mask.ts';

/** The CLI's pure parts, in-process (the child-process tests cover the commands end to end). */

describe('mask conventions', () => {
  const pixels = (...rgba: number[][]) => ({ width: rgba.length, height: 1, data: Uint8Array.from(rgba.flat()) });

  it('luminance: white = edit, grey at the 128 threshold, alpha flattened onto black', () => {
    const image = pixels([255, 255, 255, 255], [0, 0, 0, 255], [128, 128, 128, 255], [127, 127, 127, 255], [255, 255, 255, 0], [255, 255, 255, 100], [255, 255, 255, 200]);
    expect([...maskFromRgba(image, 'luminance')]).toEqual([255, 0, 255, 0, 0, 0, 255]);
  });

  it('alpha: only alpha 0 is edit, whatever the colour', () => {
    const image = pixels([0, 0, 0, 0], [255, 255, 255, 0], [0, 0, 0, 255], [255, 255, 255, 1]);
    expect([...maskFromRgba(image, 'alpha')]).toEqual([255, 255, 0, 0]);
  });
});

describe('outpaint geometry', () => {
  it('the canvas grows to the left/top with negative origin; the band only on extended sides', () => {
    const { canvas, mask } = outpaintDocument({ width: 10, height: 6 }, { left: 2, right: 0, top: 1, bottom: 0 }, 3);
    expect(canvas).toEqual({ x: -2, y: -1, width: 12, height: 7 });
    const row = (y: number) => [...mask.alpha.subarray(y * 12, y * 12 + 12)].map((v) => (v ? 1 : 0)).join('');
    expect(row(0)).toBe('111111111111');
    // y = 1 is the original's first row: inside the top band (3 clamped to half the height).
    expect(row(1)).toBe('111111111111');
    expect(row(4)).toBe('111110000000');
    expect(row(6)).toBe('111110000000');
  });

  it('--size centres the image; sides and --size together are refused', () => {
    expect(extensionFrom({ size: '105x60' } as Values, { width: 100, height: 50 })).toEqual({ left: 2, right: 3, top: 5, bottom: 5 });
    expect(() => extensionFrom({ size: '90x60' } as Values, { width: 100, height: 50 })).toThrow(UsageError);
    expect(() => extensionFrom({ size: '200x60', left: '4' } as Values, { width: 100, height: 50 })).toThrow(/not both/);
    expect(() => extensionFrom({} as Values, { width: 100, height: 50 })).toThrow(/how far/);
  });
});

describe('arguments', () => {
  it('a negative number after a flag is its value, and the range check names it (not “argument is ambiguous”)', () => {
    const { values } = parse(['photo.jpg', '--left', '-50'], { left: { type: 'string' } });
    expect(values.left).toBe('-50');
    expect(() => int(values, 'left', 0, 10_000)).toThrow('--left must be a whole number from 0 to 10000 (got “-50”).');
    expect(parse(['-o', '-1.png'], { out: { type: 'string', short: 'o' } }).values.out).toBe('-1.png');
  });
});

describe('outputs', () => {
  it('n > 1 numbers the files; the format follows the extension', () => {
    expect(outputPaths('/a/out.png', 1)).toEqual(['/a/out.png']);
    expect(outputPaths('/a/out.v2.jpg', 3)).toEqual(['/a/out.v2-1.jpg', '/a/out.v2-2.jpg', '/a/out.v2-3.jpg']);
    expect(formatForPath('x.JPEG')).toBe('jpeg');
    expect(formatForPath('x.webp')).toBe('webp');
    expect(() => formatForPath('x.bmp')).toThrow(/\.png, \.jpg or \.webp/);
  });
});

describe('provider selection', () => {
  it('offline by default, gateway with --base-url, and contradictions refused', () => {
    expect(providerSelection({})).toEqual({ kind: 'offline', engine: 'auto' });
    expect(providerSelection({ engine: 'smooth', provider: 'offline' })).toEqual({ kind: 'offline', engine: 'smooth' });
    expect(providerSelection({ 'base-url': 'http://localhost:4000/v1', model: 'm' })).toMatchObject({ kind: 'gateway' });
    expect(() => providerSelection({ engine: 'fast' })).toThrow(/--engine must be one of/);
    expect(() => providerSelection({ model: 'gpt-image-1' })).toThrow(/--model applies to a gateway/);
    expect(() => providerSelection({ 'base-url': 'http://localhost/v1', engine: 'smooth' })).toThrow(/offline engine/);
    expect(() => providerSelection({ 'base-url': 'http://localhost/v1', provider: 'offline' })).toThrow(UsageError);
  });

  it('base URLs are checked as in the app: http only on loopback, endpoint URLs corrected', () => {
    expect(() => gatewayTargetFromFlags({ baseUrl: 'http://relay.example.com/v1' }, {})).toThrow(/https/);
    expect(() => gatewayTargetFromFlags({ baseUrl: 'https://relay.example.com/v1/images/edits' }, {})).toThrow(/Try https:\/\/relay\.example\.com\/v1/);
    const target = gatewayTargetFromFlags({ baseUrl: 'https://relay.example.com' }, { INFILL_API_KEY: ' sk-abc ' });
    expect(target.warnings[0]).toMatch(/\/v1/);
    expect(target.apiKey).toBe('sk-abc');
    expect(target.profile).toMatchObject({ protocol: 'openai-images', model: 'gpt-image-1' });
    expect(() => gatewayTargetFromFlags({ baseUrl: 'https://relay.example.com/v1', protocol: 'json-relay' }, {})).toThrow(/needs --model/);
  });
});

describe('exit codes and output hygiene', () => {
  it('maps error codes to 2 / 3 / 4', () => {
    expect(exitCodeFor(new InfillError('CORRUPT_IMAGE', 'x'))).toBe(EXIT.badInput);
    expect(exitCodeFor(new InfillError('AUTH_FAILED', 'x'))).toBe(EXIT.gateway);
    expect(exitCodeFor(new InfillError('RATE_LIMITED', 'x'))).toBe(EXIT.gateway);
    expect(exitCodeFor(new InfillError('JOB_CANCELLED', 'x'))).toBe(EXIT.cancelled);
    expect(exitCodeFor(new UsageError('x'))).toBe(EXIT.badInput);
    expect(exitCodeFor(new Error('boom'))).toBe(EXIT.failed);
  });

  it('never writes the key, even when a message carries it', () => {
    const written: string[] = [];
    const stream = { write: (s: string) => written.push(s), isTTY: false };
    const io = createCliIo('my-custom-relay-key-123456', { stdout: stream, stderr: stream });
    io.err('failed with my-custom-relay-key-123456 and Bearer abc.def');
    io.out('sk-proj-abcdefgh');
    expect(written.join('')).not.toMatch(/my-custom-relay-key|abc\.def|sk-proj/);
  });
});

describe('where an ad-hoc gateway job records its cost', () => {
  it('--data-dir, else INFILL_DATA_DIR, else an app folder that exists, else nowhere', async () => {
    const { mkdtemp, mkdir } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { usageDataDir } = await import('../../electron/cli/data-dirs.ts');
    const home = await mkdtemp(join(tmpdir(), 'infill-home-'));
    const at = (explicit: string | undefined, env: NodeJS.ProcessEnv = {}) => usageDataDir(explicit, env, 'linux', home);
    expect(at('/explicit', { INFILL_DATA_DIR: '/from-env' })).toBe('/explicit');
    expect(at(undefined, { INFILL_DATA_DIR: '/from-env' })).toBe('/from-env');
    // No app has run here: nothing to add the job to.
    expect(at(undefined)).toBeUndefined();
    // The browser version's folder, then the desktop app's, once they exist.
    await mkdir(join(home, '.local', 'share', 'infill'), { recursive: true });
    expect(at(undefined)).toBe(join(home, '.local', 'share', 'infill'));
    await mkdir(join(home, '.config', 'Infill'), { recursive: true });
    expect(at(undefined)).toBe(join(home, '.config', 'Infill'));
  });
});
