import { initializeCanvas, readPsd } from 'ag-psd';
import { strFromU8, unzipSync } from 'fflate';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExportLayer, ExportMetadata } from '../../shared/contract/export-schemas.ts';
import type { AssetInfo } from '../../shared/contract/schemas.ts';
import { createAssetStore, type AssetStore } from '../services/asset-store.ts';
import { decodeRgba, encodeRgba } from '../services/image-codec.ts';
import { importImage } from '../services/image-import.ts';
import { readPhoto, tempDir } from '../services/test-photos.ts';
import { exportDocument } from './export-document.ts';
import { exportMaskPng } from './mask-export.ts';
import { readPngText } from './png-text.ts';

const metadata: ExportMetadata = { prompt: 'a red kite — über the sea', providerId: 'offline-content-aware', model: 'patchmatch', seed: 1234 };

let store: AssetStore;
let photo: AssetInfo;
let patch: AssetInfo;
let layers: ExportLayer[];
const canvas = { x: 0, y: 0, width: 0, height: 0 };

/** A 40×30 half-transparent red square: a stand-in for a generated layer. */
async function putPatch(): Promise<AssetInfo> {
  const data = new Uint8Array(40 * 30 * 4);
  for (let i = 0; i < data.length; i += 4) data.set([220, 30, 40, i < data.length / 2 ? 255 : 128], i);
  const png = await encodeRgba({ width: 40, height: 30, data }, 'png');
  return store.put(png, { width: 40, height: 30, mime: 'image/png' });
}

// ag-psd's reader allocates pixel buffers through this hook; there is no DOM canvas in Node.
initializeCanvas(
  () => {
    throw new Error('No canvas in tests');
  },
  (width, height) => ({ width, height, data: new Uint8ClampedArray(width * height * 4), colorSpace: 'srgb' }) as ImageData,
);

beforeAll(async () => {
  store = await createAssetStore({ dir: await tempDir() });
  photo = (await importImage(store, 'coffee.jpg', await readPhoto('coffee.jpg')));
  patch = await putPatch();
  Object.assign(canvas, { width: photo.width, height: photo.height });
  layers = [
    { assetId: photo.assetId, x: 0, y: 0, opacity: 1, visible: true, name: 'coffee.jpg' },
    { assetId: patch.assetId, x: 25, y: 17, opacity: 0.6, visible: true, name: 'Fill “kite”' },
    { assetId: patch.assetId, x: -10, y: 5, opacity: 1, visible: false, name: 'Hidden' },
  ];
});

function maxDifference(a: Uint8Array, b: Uint8Array): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}

describe('layered PSD export', () => {
  it('reads back with every layer’s name, position, opacity, visibility and pixels', async () => {
    const result = await exportDocument(store, { canvas, layers, format: 'psd', quality: 90 });
    expect(result.extension).toBe('psd');
    const psd = readPsd(result.bytes, { useImageData: true });
    expect([psd.width, psd.height]).toEqual([canvas.width, canvas.height]);
    const children = psd.children ?? [];
    expect(children.map((l) => l.name)).toEqual(['coffee.jpg', 'Fill “kite”', 'Hidden']);
    expect(children.map((l) => [l.left, l.top])).toEqual([[0, 0], [25, 17], [-10, 5]]);
    expect(children.map((l) => l.hidden ?? false)).toEqual([false, false, true]);
    expect(children[1]!.opacity).toBeCloseTo(0.6, 2);
    const photoPixels = await store.readRgba(photo.assetId);
    expect(maxDifference(children[0]!.imageData!.data as Uint8Array, photoPixels.data)).toBeLessThanOrEqual(1);
    const patchPixels = await store.readRgba(patch.assetId);
    expect(maxDifference(children[1]!.imageData!.data as Uint8Array, patchPixels.data)).toBeLessThanOrEqual(1);
    // The composite is the flattened document: the patch blended at 60 % over the photo.
    const flat = await exportDocument(store, { canvas, layers, format: 'png', quality: 90 });
    const flatPixels = await decodeRgba(flat.bytes);
    expect(maxDifference(psd.imageData!.data as Uint8Array, flatPixels.data)).toBeLessThanOrEqual(1);
    expect(psd.imageResources?.xmpMetadata).toBeUndefined();
  });

  it('keeps the generation and the photo’s caption and alt text as XMP, and nothing when stripped', async () => {
    const description = { caption: 'A cup of coffee on a wooden table.', altText: 'Espresso cup on a saucer.' };
    const tagged = readPsd((await exportDocument(store, { canvas, layers, format: 'psd', quality: 90, metadata, description })).bytes, { skipLayerImageData: true, skipCompositeImageData: true });
    const xmp = tagged.imageResources?.xmpMetadata ?? '';
    expect(xmp).toContain('<infill:seed>1234</infill:seed>');
    expect(xmp).toContain('A cup of coffee on a wooden table.');
    expect(xmp).toContain('Iptc4xmpCore:AltTextAccessibility');
    expect(tagged.children?.map((l) => l.name)).toEqual(['coffee.jpg', 'Fill “kite”', 'Hidden']);
  });
});

describe('OpenRaster export', () => {
  it('is a zip with the mimetype first, stack.xml top first, layer PNGs, merged image and thumbnail', async () => {
    const result = await exportDocument(store, { canvas, layers, format: 'ora', quality: 90 });
    expect(strFromU8(result.bytes.subarray(30, 38))).toBe('mimetype');
    const files = unzipSync(result.bytes);
    expect(strFromU8(files.mimetype!)).toBe('image/openraster');
    const stack = strFromU8(files['stack.xml']!);
    const entries = [...stack.matchAll(/<layer name="([^"]*)" src="([^"]*)" x="(-?\d+)" y="(-?\d+)" opacity="([\d.]+)" visibility="(\w+)"/g)];
    expect(entries.map((m) => m[1])).toEqual(['Hidden', 'Fill “kite”', 'coffee.jpg']);
    expect(entries.map((m) => [Number(m[3]), Number(m[4])])).toEqual([[-10, 5], [25, 17], [0, 0]]);
    expect(entries.map((m) => m[6])).toEqual(['hidden', 'visible', 'visible']);
    expect(Number(entries[1]![5])).toBeCloseTo(0.6, 3);
    const photoLayer = await decodeRgba(files[entries[2]![2]!]!);
    expect(maxDifference(photoLayer.data, (await store.readRgba(photo.assetId)).data)).toBe(0);
    const merged = await sharp(files['mergedimage.png']!).metadata();
    expect([merged.width, merged.height]).toEqual([canvas.width, canvas.height]);
    const thumbnail = await sharp(files['Thumbnails/thumbnail.png']!).metadata();
    expect(Math.max(thumbnail.width, thumbnail.height)).toBe(256);
  });
});

describe('flat export', () => {
  it('encodes AVIF that decodes to the document’s size', async () => {
    const result = await exportDocument(store, { canvas, layers, format: 'avif', quality: 60 });
    const decoded = await sharp(result.bytes).metadata();
    expect(decoded.compression).toBe('av1');
    expect([decoded.width, decoded.height]).toEqual([canvas.width, canvas.height]);
    expect(result.mime).toBe('image/avif');
  });

  it('scales to 50 % and to a long side in pixels', async () => {
    const half = await exportDocument(store, { canvas, layers, format: 'jpeg', quality: 80, size: { kind: 'percent', percent: 50 } });
    expect([half.width, half.height]).toEqual([Math.round(canvas.width / 2), Math.round(canvas.height / 2)]);
    const long = await exportDocument(store, { canvas, layers, format: 'webp', quality: 80, size: { kind: 'longSide', pixels: 200 } });
    const decoded = await sharp(long.bytes).metadata();
    expect(Math.max(decoded.width, decoded.height)).toBe(200);
  });

  it('writes prompt, provider, model and seed as PNG text, and nothing when stripped', async () => {
    const withText = readPngText((await exportDocument(store, { canvas, layers, format: 'png', quality: 90, metadata })).bytes);
    expect(withText).toMatchObject({ 'infill:prompt': metadata.prompt, 'infill:provider': metadata.providerId, 'infill:model': 'patchmatch', 'infill:seed': '1234' });
    const stripped = (await exportDocument(store, { canvas, layers, format: 'png', quality: 90 })).bytes;
    expect(readPngText(stripped)).toEqual({});
    expect((await decodeRgba(stripped)).width).toBe(canvas.width);
  });

  it.each(['jpeg', 'webp', 'avif'] as const)('writes the generation as XMP in %s, and nothing when stripped', async (format) => {
    const tagged = await sharp((await exportDocument(store, { canvas, layers, format, quality: 70, metadata })).bytes).metadata();
    const xmp = tagged.xmp?.toString('utf8') ?? '';
    expect(xmp).toContain('<infill:prompt>a red kite — über the sea</infill:prompt>');
    expect(xmp).toContain('<infill:seed>1234</infill:seed>');
    const plain = await sharp((await exportDocument(store, { canvas, layers, format, quality: 70 })).bytes).metadata();
    expect(plain.xmp).toBeUndefined();
  });
});

describe('mask export', () => {
  it('places the mask on a canvas-sized greyscale PNG, white where it changes', async () => {
    const alpha = new Uint8Array(4 * 3).fill(255);
    const png = await exportMaskPng({ x: -2, y: 0, width: 10, height: 6 }, { x: 0, y: 1, width: 4, height: 3, alpha });
    expect((await sharp(png).metadata()).channels).toBe(1);
    const { data, info } = await sharp(png).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.channels]).toEqual([10, 6, 1]);
    let white = 0;
    for (const value of data) if (value === 255) white++;
    expect(white).toBe(12);
    expect(data[1 * 10 + 2]).toBe(255);
    expect(data[0]).toBe(0);
  });
});
