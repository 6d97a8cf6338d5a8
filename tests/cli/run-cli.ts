import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { decodeRgba } from '../../electron/services/image-codec.ts';
import type { RgbaImage } from '../../electron/services/rgba-image.ts';

/**
 * Runs the CLI as a child process from its TypeScript source through tsx, so these tests need
 * no build (CI runs vitest before `npm run build`). The fill engines still run in worker
 * threads (see fillWorker() in electron/cli/cli.ts), as in the built CLI.
 */
const root = join(import.meta.dirname, '../..');
const entry = join(root, 'electron/cli/cli.ts');
const tsx = import.meta.resolve('tsx');
export const photos = join(root, 'tests/fixtures/photos');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment without any INFILL_API_KEY the machine might have, in English, with the app's
 * data in a scratch folder (never the real app's usage log or profiles), plus `env`.
 */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  delete base.INFILL_API_KEY;
  // English unless a test asks for a language (the CLI reads LC_ALL / LC_MESSAGES / LANG).
  return { ...base, LC_ALL: 'C', INFILL_DATA_DIR: join(tmpdir(), 'infill-cli-app-data'), ...env };
}

export function spawnCli(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}): { child: ChildProcess; done: Promise<CliResult> } {
  const child = spawn(process.execPath, ['--import', tsx, entry, ...args], {
    cwd: options.cwd ?? root,
    env: childEnv(options.env ?? {}),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

export function runCli(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}): Promise<CliResult> {
  return spawnCli(args, options).done;
}

export function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'infill-cli-test-'));
}

export async function decodeFile(path: string): Promise<RgbaImage> {
  const { readFile } = await import('node:fs/promises');
  return decodeRgba(new Uint8Array(await readFile(path)), path);
}

/** A w×h mask file: `edit(x, y)` pixels get `on`, the rest `off` (RGBA). */
export async function writeMask(
  path: string,
  width: number,
  height: number,
  edit: (x: number, y: number) => boolean,
  on: [number, number, number, number] = [255, 255, 255, 255],
  off: [number, number, number, number] = [0, 0, 0, 255],
): Promise<void> {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) data.set(edit(x, y) ? on : off, (y * width + x) * 4);
  await sharp(data, { raw: { width, height, channels: 4 } }).png().toFile(path);
}

/** Counts pixels that differ between two same-size images, split by `inside(x, y)`. */
export function comparePixels(a: RgbaImage, b: RgbaImage, inside: (x: number, y: number) => boolean): { changedOutside: number; changedInside: number; inside: number } {
  let changedOutside = 0;
  let changedInside = 0;
  let insideCount = 0;
  for (let y = 0; y < a.height; y++)
    for (let x = 0; x < a.width; x++) {
      const i = (y * a.width + x) * 4;
      const same = a.data[i] === b.data[i] && a.data[i + 1] === b.data[i + 1] && a.data[i + 2] === b.data[i + 2] && a.data[i + 3] === b.data[i + 3];
      if (inside(x, y)) {
        insideCount++;
        if (!same) changedInside++;
      } else if (!same) changedOutside++;
    }
  return { changedOutside, changedInside, inside: insideCount };
}

/** The last non-empty stderr line: the one that says why. */
export function lastLine(text: string): string {
  return text.trim().split('\n').pop() ?? '';
}
