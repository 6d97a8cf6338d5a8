import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { iou, makeSilhouette, silhouetteSpecs, writeSilhouettePng } from '../support/silhouettes.ts';
import { comparePixels, decodeFile, lastLine, photos, runCli, tempDir } from './run-cli.ts';

// Each run starts the CLI (tsx compiles it) and the model analyses the picture: seconds each.
vi.setConfig({ testTimeout: 120_000 });

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});

/** The mask file's selected pixels (grey ≥ 128), one byte per pixel. */
async function readMask(path: string): Promise<{ width: number; height: number; selected: Uint8Array }> {
  const image = await decodeFile(path);
  const selected = new Uint8Array(image.width * image.height);
  for (let i = 0; i < selected.length; i++) selected[i] = image.data[i * 4]! >= 128 ? 255 : 0;
  return { width: image.width, height: image.height, selected };
}

describe('infill select', () => {
  it.each(silhouetteSpecs.map((spec) => [spec.name, spec] as const))('one click at the centre of a pasted %s gives IoU ≥ 0.85', async (_name, spec) => {
    const picture = await makeSilhouette(spec);
    const input = join(dir, `${spec.name.replace(/\W+/g, '-')}.png`);
    const out = join(dir, `${spec.name.replace(/\W+/g, '-')}-mask.png`);
    await writeSilhouettePng(picture, input);
    const run = await runCli(['select', input, '--point', `${picture.click.x},${picture.click.y}`, '--grow', '0', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(lastLine(run.stdout)).toBe(out);
    const mask = await readMask(out);
    expect([mask.width, mask.height]).toEqual([picture.width, picture.height]);
    expect(iou(mask.selected, picture.truth)).toBeGreaterThanOrEqual(0.85);
  });

  it('grows the selection by --grow (default 6 px) and takes a box', async () => {
    const picture = await makeSilhouette(silhouetteSpecs[1]!);
    const input = join(dir, 'grow.png');
    await writeSilhouettePng(picture, input);
    const exact = join(dir, 'grow-0.png');
    const grown = join(dir, 'grow-default.png');
    expect((await runCli(['select', input, '--point', `${picture.click.x},${picture.click.y}`, '--grow', '0', '--out', exact])).code).toBe(0);
    expect((await runCli(['select', input, '--box', '260,130,200,200', '--out', grown])).code).toBe(0);
    const area = (m: { selected: Uint8Array }) => m.selected.reduce((sum, v) => sum + (v ? 1 : 0), 0);
    const a = area(await readMask(exact));
    const b = area(await readMask(grown));
    // A 6 px ring around a blob of radius ~90 adds roughly 2π·90·6 ≈ 3400 px.
    expect(b - a).toBeGreaterThan(2000);
    expect(b - a).toBeLessThan(6000);
  });

  it('refuses a point outside the image with exit 2, naming its size', async () => {
    const run = await runCli(['select', join(photos, 'coffee.jpg'), '--point', '600,10', '--out', join(dir, 'never.png')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('outside the image, which is 600×400');
  });

  it('refuses a malformed point and a missing --out with exit 2', async () => {
    const bad = await runCli(['select', join(photos, 'coffee.jpg'), '--point', '10;20', '--out', join(dir, 'never.png')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--point must be X,Y');
    const noOut = await runCli(['select', join(photos, 'coffee.jpg'), '--point', '10,20']);
    expect(noOut.code).toBe(2);
  });
});

describe('infill inpaint --select', () => {
  it('removes the object at the point offline; pixels away from it are unchanged', async () => {
    const picture = await makeSilhouette(silhouetteSpecs[0]!);
    const input = join(dir, 'remove.png');
    const out = join(dir, 'removed.png');
    await writeSilhouettePng(picture, input);
    const run = await runCli(['inpaint', input, '--select', `${picture.click.x},${picture.click.y}`, '--engine', 'smooth', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const before = await decodeFile(input);
    const after = await decodeFile(out);
    // Farther than the grow (6 px) plus the blend band (32 px) from the silhouette, nothing changes.
    const r = silhouetteSpecs[0]!.at.r + 6 + 32 + 2;
    const near = (x: number, y: number) => Math.hypot(x - picture.click.x, y - picture.click.y) <= r;
    const diff = comparePixels(before, after, near);
    expect(diff.changedOutside).toBe(0);
    expect(diff.changedInside).toBeGreaterThan(diff.inside * 0.3);
    expect(await runCli(['inpaint', input, '--select', '1,1', '--mask', input, '--out', out])).toMatchObject({ code: 2 });
  });
});
