import { copyFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { decodeFile, photos, runCli, tempDir, writeMask } from './run-cli.ts';

// Each test starts the CLI as a child process (tsx compiles it first): slower than a unit test.
vi.setConfig({ testTimeout: 90_000 });

/** `infill batch DIR`: pairs images with masks, writes results, resumes by skipping what exists. */

describe('infill batch', () => {
  it('fills every image with a mask, reports one line per file off a TTY, and a second run skips them all', async () => {
    const dir = await tempDir();
    await copyFile(join(photos, 'coffee.jpg'), join(dir, 'coffee.jpg'));
    await copyFile(join(photos, 'chelsea.png'), join(dir, 'chelsea.png'));
    await copyFile(join(photos, 'astronaut.jpg'), join(dir, 'astronaut.jpg'));
    await writeMask(join(dir, 'coffee_mask.png'), 600, 400, (x, y) => x >= 100 && x < 130 && y >= 100 && y < 140);
    await writeMask(join(dir, 'chelsea_mask.png'), 451, 300, (x, y) => x >= 200 && x < 230 && y >= 50 && y < 80);
    // astronaut.jpg has no mask: reported and left alone.

    // A private temporary folder: the run must leave none of its own files behind (tsx keeps a cache there).
    const tmp = await tempDir();
    const first = await runCli(['batch', dir, '--mask-suffix', '_mask', '--concurrency', '2', '--engine', 'smooth'], { env: { TMPDIR: tmp } });
    expect(first.code, first.stderr).toBe(0);
    expect((await readdir(tmp)).filter((name) => name.startsWith('infill-'))).toEqual([]);
    const out = join(dir, 'infilled');
    expect((await readdir(out)).sort()).toEqual(['chelsea.png', 'coffee.png']);
    expect(first.stdout.trim().split('\n').sort()).toEqual([join(out, 'chelsea.png'), join(out, 'coffee.png')]);
    expect(first.stderr).toMatch(/no mask for astronaut\.jpg/);
    expect(first.stderr).toMatch(/\[\d\/2\] done coffee\.jpg/);
    expect(first.stderr).toMatch(/2 written, 0 already done, 0 failed, 1 without a mask/);
    const coffee = await decodeFile(join(out, 'coffee.png'));
    expect([coffee.width, coffee.height]).toEqual([600, 400]);
    const before = (await stat(join(out, 'coffee.png'))).mtimeMs;

    const second = await runCli(['batch', dir, '--engine', 'smooth']);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toBe('');
    expect(second.stderr).toMatch(/skipped coffee\.jpg/);
    expect(second.stderr).toMatch(/0 written, 2 already done/);
    expect((await stat(join(out, 'coffee.png'))).mtimeMs).toBe(before);
  });

  it('a file that fails does not stop the others; the exit code says what failed', async () => {
    const dir = await tempDir();
    await copyFile(join(photos, 'coffee.jpg'), join(dir, 'a.jpg'));
    await copyFile(join(photos, 'coffee.jpg'), join(dir, 'b.jpg'));
    await writeMask(join(dir, 'a_mask.png'), 600, 400, (x, y) => x < 20 && y < 20);
    await writeMask(join(dir, 'b_mask.png'), 300, 200, (x, y) => x < 20 && y < 20);
    const run = await runCli(['batch', dir, '--out', join(dir, 'out'), '--format', 'jpg', '--engine', 'smooth']);
    expect(run.code).toBe(2);
    expect(await readdir(join(dir, 'out'))).toEqual(['a.jpg']);
    expect(run.stderr).toMatch(/failed b\.jpg — The mask “b_mask\.png” is 300×200/);
    expect(run.stderr.trim().split('\n').pop()).toMatch(/^infill: batch: 1 written, 0 already done, 1 failed/);
  });

  it('refuses an --out folder where results would overwrite the inputs', async () => {
    const dir = await tempDir();
    await copyFile(join(photos, 'chelsea.png'), join(dir, 'chelsea.png'));
    await writeMask(join(dir, 'chelsea_mask.png'), 451, 300, (x, y) => x < 20 && y < 20);
    const run = await runCli(['batch', dir, '--out', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/would overwrite .*chelsea\.png; choose another --out folder/);
  });
});
