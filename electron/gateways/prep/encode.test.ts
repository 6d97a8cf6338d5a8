import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeToSize, encodeImageForUpload, encodeMaskForUpload, normalizeForUpload } from './encode.ts';
import type { PayloadPlan } from './payload-budget.ts';

function disc(size: number, r: number): Uint8Array {
  const m = new Uint8Array(size * size);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) if ((x - size / 2) ** 2 + (y - size / 2) ** 2 <= r * r) m[y * size + x] = 255;
  return m;
}

async function alphaZeroFraction(png: Uint8Array): Promise<number> {
  const { data } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  let zeros = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i] === 0) zeros++;
  return zeros / (data.length / 4);
}

describe('upload encoding', () => {
  it('resizes the mask without scrambling it, and only ever grows the edit area', async () => {
    const mask = disc(363, 100);
    const up = await encodeMaskForUpload(mask, { width: 363, height: 363 }, { width: 1024, height: 1024 }, 'openai-images');
    const fraction = await alphaZeroFraction(up.bytes);
    const expected = (Math.PI * 100 * 100) / (363 * 363);
    expect(fraction).toBeGreaterThanOrEqual(expected * 0.99);
    expect(fraction).toBeLessThan(expected * 1.06);
    // The centre is edit, a corner is keep.
    const { data } = await sharp(up.bytes).raw().toBuffer({ resolveWithObject: true });
    expect(data[(512 * 1024 + 512) * 4 + 3]).toBe(0);
    expect(data[3]).toBe(255);
    const down = await encodeMaskForUpload(mask, { width: 363, height: 363 }, { width: 128, height: 128 }, 'json-relay');
    expect((await sharp(down.bytes).metadata()).channels).toBe(1);
    const grey = await sharp(down.bytes).extractChannel(0).raw().toBuffer();
    expect(grey[64 * 128 + 64]).toBe(255);
    expect(grey[0]).toBe(0);
  });

  it('encodes 8-bit sRGB PNG/JPEG at the planned size, flattening transparency', async () => {
    const rgba = { width: 10, height: 10, data: new Uint8Array(400).fill(0) };
    const plan = (format: 'png' | 'jpeg', alpha = false): PayloadPlan => ({ size: { width: 20, height: 16 }, format, quality: 90, alpha, estimatedBytes: 0, budgetBytes: 1e6 });
    for (const format of ['png', 'jpeg'] as const) {
      const out = await encodeImageForUpload(rgba, plan(format));
      const meta = await sharp(out.bytes).metadata();
      expect([meta.format, meta.width, meta.height, meta.space, meta.hasAlpha]).toEqual([format, 20, 16, 'srgb', false]);
    }
    const dalle = await sharp((await encodeImageForUpload(rgba, plan('png', true))).bytes).metadata();
    expect(dalle.hasAlpha).toBe(true);
  });

  it('never forwards TIFF or CMYK: converts them to sRGB PNG', async () => {
    const tiff = await sharp(Buffer.alloc(32 * 32 * 3, 90), { raw: { width: 32, height: 32, channels: 3 } }).tiff().toBuffer();
    const cmyk = await sharp(Buffer.alloc(32 * 32 * 3, 90), { raw: { width: 32, height: 32, channels: 3 } }).toColourspace('cmyk').jpeg().toBuffer();
    expect((await sharp(cmyk).metadata()).space).toBe('cmyk');
    for (const input of [tiff, cmyk]) {
      const out = await normalizeForUpload(new Uint8Array(input));
      const meta = await sharp(out.bytes).metadata();
      expect([meta.format, meta.space]).toEqual(['png', 'srgb']);
    }
  });

  it('decodes an answer back to the crop size and refuses garbage', async () => {
    const png = await sharp(Buffer.alloc(64 * 32 * 3, 200), { raw: { width: 64, height: 32, channels: 3 } }).png().toBuffer();
    const out = await decodeToSize(new Uint8Array(png), { width: 30, height: 40 }, 'Relay');
    expect([out.width, out.height, out.data.length]).toEqual([30, 40, 30 * 40 * 4]);
    await expect(decodeToSize(new Uint8Array([1, 2, 3]), { width: 3, height: 3 }, 'Relay')).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('decodes just a box of the resized answer, the same pixels as the whole resize', async () => {
    const data = Buffer.alloc(64 * 48 * 3);
    for (let i = 0; i < data.length; i++) data[i] = (i * 37) & 255;
    const png = new Uint8Array(await sharp(data, { raw: { width: 64, height: 48, channels: 3 } }).png().toBuffer());
    const size = { width: 155, height: 117 };
    const whole = await decodeToSize(png, size, 'Relay');
    const box = { x: 31, y: 20, width: 90, height: 61 };
    const part = await decodeToSize(png, size, 'Relay', box);
    expect([part.width, part.height]).toEqual([90, 61]);
    for (let y = 0; y < box.height; y++) {
      const from = ((y + box.y) * size.width + box.x) * 4;
      expect(part.data.subarray(y * box.width * 4, (y + 1) * box.width * 4)).toEqual(whole.data.subarray(from, from + box.width * 4));
    }
  });

  it('resizing only the edit area\'s box gives the same mask file contents', async () => {
    const from = { width: 600, height: 500 };
    const mask = new Uint8Array(from.width * from.height);
    for (let y = 200; y < 320; y++) for (let x = 250; x < 400; x++) if ((x - 325) ** 2 + (y - 260) ** 2 < 55 ** 2) mask[y * from.width + x] = 255;
    const box = { x: 230, y: 180, width: 190, height: 160 };
    for (const to of [{ width: 256, height: 208 }, { width: 1024, height: 848 }]) {
      for (const protocol of ['openai-images', 'json-relay'] as const) {
        const whole = await sharp((await encodeMaskForUpload(mask, from, to, protocol)).bytes).raw().toBuffer();
        const boxed = await sharp((await encodeMaskForUpload(mask, from, to, protocol, box)).bytes).raw().toBuffer();
        expect(boxed.equals(whole), `${protocol} ${to.width}`).toBe(true);
      }
    }
  });
});
