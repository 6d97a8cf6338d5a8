import sharp, { type Sharp } from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import { type InfillError } from '../../shared/errors.ts';
import { createAssetStore } from './asset-store.ts';
import { decodeRgba } from './image-codec.ts';
import type * as ImageCodec from './image-codec.ts';

// Counted, to tell which imports decode the whole picture and which only check it.
vi.mock('./image-codec.ts', async (importOriginal) => {
  const real = await importOriginal<typeof ImageCodec>();
  return { ...real, decodeRgba: vi.fn(real.decodeRgba) };
});
import { importImage } from './image-import.ts';
import { readPhoto, tempDir } from './test-photos.ts';

async function store() {
  return createAssetStore({ dir: await tempDir() });
}

async function importError(bytes: Uint8Array, name = 'photo') {
  try {
    await importImage(await store(), name, bytes);
  } catch (error) {
    return error as InfillError;
  }
  throw new Error('import did not fail');
}

describe('importImage', () => {
  it('keeps a JPEG as it is, decoding it to check it but keeping only its bytes until a job reads the pixels', async () => {
    const bytes = await readPhoto('coffee.jpg');
    const assets = await store();
    const info = await importImage(assets, 'coffee.jpg', bytes);
    expect(info).toMatchObject({ width: 600, height: 400, mime: 'image/jpeg' });
    expect(Buffer.from((await assets.read(info.assetId)).bytes).equals(Buffer.from(bytes))).toBe(true);
    expect((await assets.readRgba(info.assetId)).data.length).toBe(600 * 400 * 4);
  });

  it('names the same bytes with the same id', async () => {
    const assets = await store();
    const bytes = await readPhoto('chelsea.png');
    const a = await importImage(assets, 'a.png', bytes);
    const b = await importImage(assets, 'b.png', bytes);
    expect(a.assetId).toBe(b.assetId);
  });

  it.each([
    ['tiff', (s: Sharp) => s.tiff()],
    ['gif', (s: Sharp) => s.gif()],
    ['webp', (s: Sharp) => s.webp({ lossless: true })],
    ['avif', (s: Sharp) => s.avif({ lossless: true, effort: 0 })],
  ])('opens %s', async (_format, encode) => {
    const source = sharp(await readPhoto('chelsea.png')).resize(64, 48);
    const bytes = new Uint8Array(await encode(source).toBuffer());
    const info = await importImage(await store(), `cat.${_format}`, bytes);
    expect(info).toMatchObject({ width: 64, height: 48 });
  });

  it('applies EXIF orientation', async () => {
    const rotated = new Uint8Array(
      await sharp(await readPhoto('coffee.jpg')).withMetadata({ orientation: 6 }).jpeg().toBuffer(),
    );
    const assets = await store();
    const info = await importImage(assets, 'phone.jpg', rotated);
    expect([info.width, info.height]).toEqual([400, 600]);
    const rgba = await assets.readRgba(info.assetId);
    expect([rgba.width, rgba.height]).toEqual([400, 600]);
  });

  it('a pasted JPEG is only checked, and decoded when a job reads it; a photo opened as the document keeps its pixels for the first fill', async () => {
    const bytes = await readPhoto('coffee.jpg');
    const decodes = vi.mocked(decodeRgba);
    const pasted = await store();
    decodes.mockClear();
    const layer = await importImage(pasted, 'coffee.jpg', bytes);
    expect(decodes).not.toHaveBeenCalled();
    await pasted.readRgba(layer.assetId);
    expect(decodes).toHaveBeenCalledTimes(1);

    const opened = await store();
    decodes.mockClear();
    const photo = await importImage(opened, 'coffee.jpg', bytes, { keepPixels: true });
    expect(decodes).toHaveBeenCalledTimes(1);
    expect((await opened.readRgba(photo.assetId)).data.length).toBe(600 * 400 * 4);
    expect(decodes).toHaveBeenCalledTimes(1);
    expect(Buffer.from((await opened.read(photo.assetId)).bytes).equals(Buffer.from(bytes))).toBe(true);

    // Two jobs asking for a layer's pixels at once share one decode.
    const second = await importImage(pasted, 'again.png', new Uint8Array(await sharp(bytes).png().toBuffer()));
    decodes.mockClear();
    const [a, b] = await Promise.all([pasted.readRgba(second.assetId), pasted.readRgba(second.assetId)]);
    expect(a).toBe(b);
    expect(decodes).toHaveBeenCalledTimes(1);
  });

  it('refuses an empty file', async () => {
    const error = await importError(new Uint8Array(0), 'empty.png');
    expect(error.code).toBe('EMPTY_FILE');
    expect(error.message).toContain('empty.png');
  });

  it('refuses a truncated JPEG as damaged', async () => {
    const bytes = await readPhoto('coffee.jpg');
    const error = await importError(bytes.subarray(0, Math.floor(bytes.length / 2)), 'cut.jpg');
    expect(error.code).toBe('CORRUPT_IMAGE');
    expect(error.message).toMatch(/cut\.jpg.*damaged or incomplete/);
  });

  it('refuses a JPEG or PNG damaged in the middle, or cut short near its end, as a full decode would', async () => {
    const jpeg = await readPhoto('coffee.jpg');
    const png = new Uint8Array(await sharp(jpeg).png().toBuffer());
    const scrambled = (bytes: Uint8Array) => {
      const copy = bytes.slice();
      const middle = Math.floor(copy.length / 2);
      for (let i = middle; i < middle + 2000; i++) copy[i] = (copy[i]! * 7 + 13) & 255;
      return copy;
    };
    for (const [name, bytes] of [
      ['mid.jpg', scrambled(jpeg)],
      ['end.jpg', jpeg.subarray(0, Math.floor(jpeg.length * 0.99))],
      ['mid.png', scrambled(png)],
      ['end.png', png.subarray(0, Math.floor(png.length * 0.99))],
    ] as const) {
      expect((await importError(bytes, name)).code, name).toBe('CORRUPT_IMAGE');
      await expect(decodeRgba(bytes, name), name).rejects.toMatchObject({ code: 'CORRUPT_IMAGE' });
    }
  });

  it('refuses text and names BMP', async () => {
    expect((await importError(new TextEncoder().encode('hello, not an image'), 'notes.png')).code).toBe('UNSUPPORTED_FORMAT');
    const bmpHeader = new Uint8Array(64);
    bmpHeader.set([0x42, 0x4d]);
    const bmp = await importError(bmpHeader, 'old.bmp');
    expect(bmp.code).toBe('UNSUPPORTED_FORMAT');
    expect(bmp.message).toContain('BMP');
  });

  it('shows a CMYK JPEG from the same decoded pixels that fill and export use, not its original bytes', async () => {
    const cmyk = new Uint8Array(await sharp(await readPhoto('coffee.jpg')).resize(64).toColourspace('cmyk').jpeg({ quality: 90 }).toBuffer());
    expect((await sharp(cmyk).metadata()).space).toBe('cmyk');
    const assets = await store();
    const info = await importImage(assets, 'print.jpg', cmyk);
    expect(info.mime).toBe('image/png');
    const shown = await decodeRgba((await assets.read(info.assetId)).bytes);
    const worked = await assets.readRgba(info.assetId);
    expect(Buffer.from(shown.data).equals(Buffer.from(worked.data))).toBe(true);
  });

  it('refuses an SVG with the right article ("an SVG file", never "a SVG")', async () => {
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');
    const error = await importError(svg, 'logo.svg');
    expect(error.code).toBe('UNSUPPORTED_FORMAT');
    expect(error.message).toContain('is an SVG file');
  });

  it('refuses images above the pixel limit before decoding them', async () => {
    // A PNG header claiming 20000×20000 pixels.
    const big = new Uint8Array(await sharp({ create: { width: 20000, height: 6000, channels: 3, background: '#000' } }).png({ compressionLevel: 1 }).toBuffer());
    const error = await importError(big, 'huge.png');
    expect(error.code).toBe('IMAGE_TOO_LARGE');
  });

  it('decodes to straight 8-bit RGBA', async () => {
    const rgba = await decodeRgba(await readPhoto('chelsea.png'));
    expect(rgba.data.length).toBe(rgba.width * rgba.height * 4);
    expect(rgba.data[3]).toBe(255);
  });
});
