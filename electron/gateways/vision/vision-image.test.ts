import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { drawMaskOutline, encodeVisionFile, encodeVisionImage, targetSize } from './vision-image.ts';

describe('vision image prep', () => {
  it('brings the long side down to 512 / 1024 / 2048 by detail, never up', () => {
    expect(targetSize(4000, 3000, 'low')).toEqual({ width: 512, height: 384 });
    expect(targetSize(4000, 3000, 'medium')).toEqual({ width: 1024, height: 768 });
    expect(targetSize(3000, 4000, 'high')).toEqual({ width: 1536, height: 2048 });
    expect(targetSize(300, 200, 'high')).toEqual({ width: 300, height: 200 });
  });

  it('outlines the mask in red and leaves what is under and around it', () => {
    const width = 40;
    const height = 40;
    const image = { width, height, data: new Uint8Array(width * height * 4).fill(200) };
    const mask = new Uint8Array(width * height);
    for (let y = 10; y < 30; y++) for (let x = 10; x < 30; x++) mask[y * width + x] = 255;
    drawMaskOutline(image, mask, 2);
    const at = (x: number, y: number) => [...image.data.subarray((y * width + x) * 4, (y * width + x) * 4 + 3)];
    expect(at(10, 20)).toEqual([255, 0, 0]); // the edge
    expect(at(20, 10)).toEqual([255, 0, 0]);
    expect(at(20, 20)).toEqual([200, 200, 200]); // inside, away from the edge
    expect(at(2, 2)).toEqual([200, 200, 200]); // outside
  });

  it('encodes a JPEG at the detail size', async () => {
    const image = { width: 3000, height: 1000, data: new Uint8Array(3000 * 1000 * 4).fill(255) };
    const out = await encodeVisionImage(image, 'low');
    expect(out).toMatchObject({ mime: 'image/jpeg', width: 512, height: 171 });
    const meta = await sharp(out.bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 512, 171]);
  });

  it('converts formats the APIs refuse (16-bit TIFF, CMYK JPEG) to 8-bit sRGB JPEG', async () => {
    const tiff = await sharp({ create: { width: 300, height: 200, channels: 3, background: { r: 10, g: 200, b: 30 } } }).toColourspace('rgb16').tiff().toBuffer();
    const cmyk = await sharp({ create: { width: 300, height: 200, channels: 3, background: { r: 10, g: 200, b: 30 } } }).toColourspace('cmyk').jpeg().toBuffer();
    expect((await sharp(cmyk).metadata()).space).toBe('cmyk');
    for (const input of [tiff, cmyk]) {
      const out = await encodeVisionFile(new Uint8Array(input), 'medium');
      const meta = await sharp(out.bytes).metadata();
      expect([meta.format, meta.space, meta.depth, meta.width]).toEqual(['jpeg', 'srgb', 'uchar', 300]);
    }
  });
});
