import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A stand-in for Chromium's createImageBitmap that records what it was asked for. */
function fakeBitmaps() {
  const made: Array<{ options: ImageBitmapOptions | undefined; close: ReturnType<typeof vi.fn> }> = [];
  const create = vi.fn(async (_source: Blob, options?: ImageBitmapOptions) => {
    const bitmap = { width: options?.resizeWidth ?? 6000, height: options?.resizeHeight ?? 4000, close: vi.fn() };
    made.push({ options, close: bitmap.close });
    return bitmap as unknown as ImageBitmap;
  });
  return { made, create };
}

describe('bitmap cache', () => {
  let readAsset: ReturnType<typeof vi.fn>;
  let bitmaps: ReturnType<typeof fakeBitmaps>;

  beforeEach(() => {
    vi.resetModules();
    readAsset = vi.fn(async ({ assetId }: { assetId: string }) => ({
      ok: true,
      data: { assetId, width: 6000, height: 4000, mime: 'image/jpeg', bytes: new Uint8Array([1, 2, 3]) },
    }));
    bitmaps = fakeBitmaps();
    vi.stubGlobal('window', { infill: { readAsset } });
    vi.stubGlobal('createImageBitmap', bitmaps.create);
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('decodes at full size with the EXIF orientation at level 0, and reduced with filtering above', async () => {
    const { loadBitmap } = await import('./bitmap-cache.ts');
    await loadBitmap('a'.repeat(32));
    const reduced = await loadBitmap('a'.repeat(32), 2);
    expect(bitmaps.made.map((b) => b.options)).toEqual([
      { imageOrientation: 'from-image' },
      { imageOrientation: 'from-image', resizeWidth: 1500, resizeHeight: 1000, resizeQuality: 'high' },
    ]);
    expect([reduced.width, reduced.height]).toEqual([1500, 1000]);
  });

  it('decodes each level of an asset once while it is kept', async () => {
    const { loadBitmap } = await import('./bitmap-cache.ts');
    const id = 'b'.repeat(32);
    await Promise.all([loadBitmap(id, 1), loadBitmap(id, 1)]);
    await loadBitmap(id, 1);
    expect(readAsset).toHaveBeenCalledTimes(1);
  });

  it('forgets the other levels of an asset without closing them, and decodes them again when asked', async () => {
    const { forgetOtherLevels, loadBitmap } = await import('./bitmap-cache.ts');
    const id = 'c'.repeat(32);
    await loadBitmap(id, 0);
    await loadBitmap(id, 2);
    forgetOtherLevels(id, 2);
    expect(bitmaps.made.every((b) => b.close.mock.calls.length === 0)).toBe(true);
    await loadBitmap(id, 2);
    expect(readAsset).toHaveBeenCalledTimes(2);
    await loadBitmap(id, 0);
    expect(readAsset).toHaveBeenCalledTimes(3);
  });

  it('closes every level of an asset nothing refers to any more', async () => {
    const { loadBitmap, releaseBitmapsExcept } = await import('./bitmap-cache.ts');
    const kept = 'd'.repeat(32);
    const gone = 'e'.repeat(32);
    await Promise.all([loadBitmap(kept, 1), loadBitmap(gone, 0), loadBitmap(gone, 3)]);
    releaseBitmapsExcept(new Set([kept]));
    await Promise.resolve();
    expect(bitmaps.made.map((b) => b.close.mock.calls.length)).toEqual([0, 1, 1]);
  });
});
