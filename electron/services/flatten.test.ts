import { describe, expect, it } from 'vitest';
import type { RgbaImage } from './rgba-image.ts';
import sharp from 'sharp';
import { drawOver, flattenRegion } from './flatten.ts';
import { decodeRgba, isKnownOpaque } from './image-codec.ts';

function solid(width: number, height: number, rgba: [number, number, number, number]): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < data.length; i += 4) data.set(rgba, i);
  return { width, height, data };
}

describe('flatten', () => {
  it('leaves pixels a layer keeps transparent bit-identical', () => {
    const base = solid(4, 4, [10, 20, 30, 255]);
    const overlay = solid(4, 4, [200, 200, 200, 0]);
    overlay.data.set([200, 100, 50, 255], 0);
    const target: RgbaImage = { width: 4, height: 4, data: base.data.slice() };
    drawOver(target, { x: 0, y: 0, width: 4, height: 4 }, overlay, 0, 0, 1);
    expect([...target.data.subarray(0, 4)]).toEqual([200, 100, 50, 255]);
    expect(target.data.subarray(4)).toEqual(base.data.subarray(4));
  });

  it('blends by alpha and layer opacity', () => {
    const target = solid(1, 1, [0, 0, 0, 255]);
    drawOver(target, { x: 0, y: 0, width: 1, height: 1 }, solid(1, 1, [255, 255, 255, 255]), 0, 0, 0.5);
    expect([...target.data]).toEqual([128, 128, 128, 255]);
  });

  it('places layers at offsets, partly outside the region', async () => {
    const layers: Record<string, RgbaImage> = { a: solid(4, 4, [1, 1, 1, 255]), b: solid(2, 2, [9, 9, 9, 255]) };
    const flat = await flattenRegion(
      [
        { assetId: 'a', x: 0, y: 0, opacity: 1, visible: true },
        { assetId: 'b', x: 3, y: -1, opacity: 1, visible: true },
        { assetId: 'b', x: 0, y: 0, opacity: 1, visible: false },
      ],
      { x: 0, y: 0, width: 4, height: 4 },
      async (id) => layers[id]!,
    );
    expect([...flat.data.subarray(12, 16)]).toEqual([9, 9, 9, 255]); // (3,0)
    expect([...flat.data.subarray(0, 4)]).toEqual([1, 1, 1, 255]); // hidden layer ignored
    expect([...flat.data.subarray(28, 32)]).toEqual([1, 1, 1, 255]); // (3,1) outside b
  });

  it('copies opaque rows whole and gives the same bytes as the per-pixel path', async () => {
    // Rows 0–2 opaque, row 3 has a transparent and a half-transparent pixel.
    const source = solid(5, 4, [40, 80, 120, 255]);
    source.data.set([1, 2, 3, 0], (3 * 5 + 1) * 4);
    source.data.set([200, 100, 50, 128], (3 * 5 + 3) * 4);
    const base = solid(6, 6, [10, 20, 30, 255]);
    base.data.set([90, 90, 90, 0], (4 * 6 + 2) * 4);
    const region = { x: 0, y: 0, width: 6, height: 6 };
    const target: RgbaImage = { width: 6, height: 6, data: base.data.slice() };
    drawOver(target, region, source, 1, 1, 1);
    for (let y = 0; y < 6; y++) {
      for (let x = 0; x < 6; x++) {
        const got = [...target.data.subarray((y * 6 + x) * 4, (y * 6 + x) * 4 + 4)];
        const inside = x >= 1 && x < 6 && y >= 1 && y < 5;
        const s = ((y - 1) * 5 + (x - 1)) * 4;
        if (!inside) expect(got).toEqual([...base.data.subarray((y * 6 + x) * 4, (y * 6 + x) * 4 + 4)]);
        else if (y === 4 && x === 2) expect(got).toEqual([90, 90, 90, 0]); // left transparent: untouched
        else if (y === 4 && x === 4) expect(got).toEqual([Math.round((200 * 128 + 10 * 127) / 255), Math.round((100 * 128 + 20 * 127) / 255), Math.round((50 * 128 + 30 * 127) / 255), 255]);
        else expect(got).toEqual([...source.data.subarray(s, s + 4)]);
      }
    }
  });

  it('marks images decoded from files without alpha as opaque, and flattens them bit for bit', async () => {
    const rgb = await sharp(Buffer.alloc(8 * 8 * 3, 77), { raw: { width: 8, height: 8, channels: 3 } }).png().toBuffer();
    const withAlpha = await sharp(Buffer.alloc(8 * 8 * 4, 255), { raw: { width: 8, height: 8, channels: 4 } }).png().toBuffer();
    const opaque = await decodeRgba(new Uint8Array(rgb));
    expect(isKnownOpaque(opaque)).toBe(true);
    expect(isKnownOpaque(await decodeRgba(new Uint8Array(withAlpha)))).toBe(false);
    const flat = await flattenRegion([{ assetId: 'a', x: -2, y: 3, opacity: 1, visible: true }], { x: 0, y: 0, width: 8, height: 8 }, async () => opaque);
    for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) expect([...flat.data.subarray((y * 8 + x) * 4, (y * 8 + x) * 4 + 4)]).toEqual(x < 6 && y >= 3 ? [77, 77, 77, 255] : [0, 0, 0, 0]);
  });
});
