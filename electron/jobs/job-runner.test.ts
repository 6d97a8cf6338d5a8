import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../shared/contract/events.ts';
import type { MaskInput } from '../../shared/contract/schemas.ts';
import { createFillRunner } from '../engine/fill-runner.ts';
import { createAssetStore } from '../services/asset-store.ts';
import { flattenRegion } from '../services/flatten.ts';
import { importImage } from '../services/image-import.ts';
import { readPhoto, tempDir } from '../services/test-photos.ts';
import { createJobRunner } from './job-runner.ts';
import { createOfflineProvider, offlineProviderSpecs } from './offline-provider.ts';
import { createProviderRegistry } from './provider-registry.ts';
import type { Provider } from './provider.ts';

type Done = EventPayload<'jobDone'>;

async function setup(extra: Provider[] = []) {
  const assets = await createAssetStore({ dir: await tempDir() });
  const fill = createFillRunner();
  const providers = [...offlineProviderSpecs.map((spec) => createOfflineProvider(spec, fill)), ...extra];
  const done: Done[] = [];
  const progress: EventPayload<'jobProgress'>[] = [];
  const jobs = createJobRunner({
    assets,
    providers: createProviderRegistry(() => providers),
    emit: (name, payload) => {
      if (name === 'jobDone') done.push(payload as Done);
      if (name === 'jobProgress') progress.push(payload as EventPayload<'jobProgress'>);
    },
  });
  const photo = await importImage(assets, 'coffee.jpg', await readPhoto('coffee.jpg'));
  const waitDone = async () => {
    for (let i = 0; i < 600 && done.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    return done[0]!;
  };
  return { assets, jobs, photo, done, progress, waitDone };
}

/** A soft disc of radius r at (cx, cy), as the brush paints it. */
function discMask(cx: number, cy: number, r: number): MaskInput {
  const size = 2 * r + 2;
  const alpha = new Uint8Array(size * size);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - size / 2, y - size / 2);
      alpha[y * size + x] = d < r - 2 ? 255 : d < r ? Math.round(((r - d) / 2) * 255) : 0;
    }
  return { x: cx - size / 2, y: cy - size / 2, width: size, height: size, alpha };
}

describe('job runner', () => {
  it('fills offline and changes nothing outside the mask', async () => {
    const { assets, jobs, photo, waitDone, progress } = await setup();
    const canvas = { x: 0, y: 0, width: photo.width, height: photo.height };
    const base = { assetId: photo.assetId, x: 0, y: 0, opacity: 1, visible: true };
    const mask = discMask(300, 200, 30);
    jobs.start({ providerId: 'offline-smooth', prompt: '', canvas, layers: [base], mask, seed: 1 });
    const done = await waitDone();
    if (!done.ok) throw new Error(done.error.message);
    expect(progress.map((p) => p.stage)).toEqual(expect.arrayContaining(['queued', 'preparing', 'running', 'done']));

    const candidate = done.candidates[0]!;
    const layer = { assetId: candidate.assetId, x: candidate.x, y: candidate.y, opacity: 1, visible: true };
    const before = await flattenRegion([base], canvas, (id) => assets.readRgba(id));
    const after = await flattenRegion([base, layer], canvas, (id) => assets.readRgba(id));
    let changedInside = 0;
    for (let y = 0; y < canvas.height; y++)
      for (let x = 0; x < canvas.width; x++) {
        const mx = x - mask.x;
        const my = y - mask.y;
        const inMask = mx >= 0 && my >= 0 && mx < mask.width && my < mask.height && mask.alpha[my * mask.width + mx]! > 0;
        const i = (y * canvas.width + x) * 4;
        const same = before.data.subarray(i, i + 4).every((v, k) => v === after.data[i + k]);
        if (!inMask) expect(same, `pixel ${x},${y} outside the mask changed`).toBe(true);
        else if (!same) changedInside++;
      }
    expect(changedInside).toBeGreaterThan(1000);
  });

  it('refuses an empty mask before starting', async () => {
    const { jobs, photo } = await setup();
    const canvas = { x: 0, y: 0, width: photo.width, height: photo.height };
    expect(() =>
      jobs.start({
        providerId: 'offline-smooth',
        prompt: '',
        canvas,
        layers: [{ assetId: photo.assetId, x: 0, y: 0, opacity: 1, visible: true }],
        mask: { x: 0, y: 0, width: 2, height: 2, alpha: new Uint8Array(4) },
      }),
    ).toThrow(/Paint a mask/);
  });

  it('cancel frees the job at once and aborts the provider', async () => {
    let aborted = false;
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const slow: Provider = {
      info: { id: 'slow', label: 'Slow', kind: 'offline', supportsPrompt: false, description: '' },
      contextRegion: (b) => b,
      run: (_input, ctx) =>
        new Promise((_resolve, reject) => {
          started();
          ctx.signal.addEventListener('abort', () => {
            aborted = true;
            reject(new Error('aborted'));
          });
        }),
    };
    const { jobs, photo, done } = await setup([slow]);
    const canvas = { x: 0, y: 0, width: photo.width, height: photo.height };
    const { jobId } = jobs.start({
      providerId: 'slow',
      prompt: '',
      canvas,
      layers: [{ assetId: photo.assetId, x: 0, y: 0, opacity: 1, visible: true }],
      mask: discMask(100, 100, 10),
    });
    // Cancel once the provider runs (the job first decodes the photo, which takes a while under load).
    await running;
    expect(jobs.cancel(jobId)).toBe(true);
    expect(done).toEqual([{ jobId, ok: false, error: { code: 'JOB_CANCELLED', message: 'Generation cancelled.' } }]);
    await new Promise((r) => setTimeout(r, 20));
    expect(aborted).toBe(true);
    expect(done).toHaveLength(1);
  });

  it('stores a streamed partial image and announces it over the job region', async () => {
    const partial = new Uint8Array(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#0f0' } }).png().toBuffer());
    const streaming: Provider = {
      info: { id: 'streaming', label: 'Streaming', kind: 'gateway', supportsPrompt: true, description: '' },
      contextRegion: (b) => b,
      run: async (input, ctx) => {
        ctx.preview?.(partial);
        await new Promise((r) => setTimeout(r, 200));
        return [{ image: input.image, seed: 1 }];
      },
    };
    const { jobs, photo, progress, waitDone, assets } = await setup([streaming]);
    const canvas = { x: 0, y: 0, width: photo.width, height: photo.height };
    const mask = discMask(100, 100, 10);
    jobs.start({ providerId: 'streaming', prompt: 'p', canvas, layers: [{ assetId: photo.assetId, x: 0, y: 0, opacity: 1, visible: true }], mask });
    await waitDone();
    const withPreview = progress.find((p) => p.preview);
    expect(withPreview?.preview?.rect).toEqual({ x: 91, y: 91, width: 19, height: 19 }); // the painted disc's bounds
    const stored = await assets.read(withPreview!.preview!.assetId);
    expect([stored.width, stored.height, stored.mime]).toEqual([8, 8, 'image/png']);
  });

  it('hands the provider the area excluded from sampling, cropped to the job region', async () => {
    let seen: Uint8Array | undefined;
    const recording: Provider = {
      info: { id: 'recording', label: 'Recording', kind: 'offline', supportsPrompt: false, description: '' },
      // A 40 px window around the mask, as content-aware fill asks for one.
      contextRegion: (b) => ({ x: b.x - 40, y: b.y - 40, width: b.width + 80, height: b.height + 80 }),
      run: async (input) => {
        seen = input.exclude;
        return [{ image: input.image, seed: 1 }];
      },
    };
    const { jobs, photo, waitDone } = await setup([recording]);
    const canvas = { x: 0, y: 0, width: photo.width, height: photo.height };
    const mask = discMask(100, 100, 10);
    // Excluded: a 10×10 square at (60, 60) and another far outside the job's region.
    const exclude: MaskInput = { x: 60, y: 60, width: 300, height: 300, alpha: new Uint8Array(300 * 300) };
    for (let y = 0; y < 10; y++) exclude.alpha.fill(255, y * 300, y * 300 + 10);
    for (let y = 250; y < 260; y++) exclude.alpha.fill(255, y * 300 + 250, y * 300 + 260);
    jobs.start({ providerId: 'recording', prompt: '', canvas, layers: [{ assetId: photo.assetId, x: 0, y: 0, opacity: 1, visible: true }], mask, exclude });
    await waitDone();
    // The region is the disc's bounds (91, 91, 19×19) grown by 40: (51, 51), 99×99.
    expect(seen).toHaveLength(99 * 99);
    const excludedAt = (x: number, y: number): number => seen![(y - 51) * 99 + (x - 51)]!;
    expect(excludedAt(60, 60)).toBe(255);
    expect(excludedAt(69, 69)).toBe(255);
    expect(excludedAt(70, 70)).toBe(0);
    expect(seen!.reduce((sum, v) => sum + (v ? 1 : 0), 0)).toBe(100);
  });
});
