/** Fixtures and measurements shared by the engine's unit tests (not used by the app). */
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

export interface TestImage {
  width: number;
  height: number;
  rgba: Uint8Array;
}

export async function loadFixture(name: string): Promise<TestImage> {
  const path = fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
  const { data, info } = await sharp(path).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, rgba: new Uint8Array(data) };
}

export function discMask(width: number, height: number, cx: number, cy: number, radius: number): Uint8Array {
  const mask = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if ((x - cx) ** 2 + (y - cy) ** 2 <= radius * radius) mask[y * width + x] = 255;
    }
  }
  return mask;
}

export function rectMask(width: number, height: number, x0: number, y0: number, x1: number, y1: number): Uint8Array {
  const mask = new Uint8Array(width * height);
  for (let y = Math.max(0, y0); y < Math.min(height, y1); y++) {
    for (let x = Math.max(0, x0); x < Math.min(width, x1); x++) mask[y * width + x] = 255;
  }
  return mask;
}

/** A diagonal scratch `thickness` px wide across the image. */
export function scratchMask(width: number, height: number, thickness: number): Uint8Array {
  const mask = new Uint8Array(width * height);
  const len = Math.hypot(width, height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Distance from the line through (0,0) and (width,height).
      const d = Math.abs(x * height - y * width) / len;
      if (d < thickness / 2) mask[y * width + x] = 255;
    }
  }
  return mask;
}

/** Copy of the image with the hole painted an obvious garbage colour the fill must not use. */
export function withGarbageInHole(rgba: Uint8Array, mask: Uint8Array, value = [255, 0, 255, 255]): Uint8Array {
  const out = new Uint8Array(rgba);
  for (let i = 0; i < mask.length; i++) {
    if (mask[i]) out.set(value, i * 4);
  }
  return out;
}

/** PSNR over the RGB of hole pixels only. */
export function holePsnr(a: Uint8Array, b: Uint8Array, mask: Uint8Array): number {
  let se = 0;
  let count = 0;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    for (let c = 0; c < 3; c++) {
      const d = a[i * 4 + c]! - b[i * 4 + c]!;
      se += d * d;
      count++;
    }
  }
  return count === 0 ? Infinity : 10 * Math.log10((255 * 255) / (se / count));
}

/** The baseline a fill must beat: every hole pixel set to the mean colour of the known pixels. */
export function flatFill(rgba: Uint8Array, mask: Uint8Array): Uint8Array {
  const sum = [0, 0, 0];
  let count = 0;
  for (let i = 0; i < mask.length; i++) {
    if (mask[i]) continue;
    for (let c = 0; c < 3; c++) sum[c]! += rgba[i * 4 + c]!;
    count++;
  }
  const out = new Uint8Array(rgba);
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    for (let c = 0; c < 3; c++) out[i * 4 + c] = Math.round(sum[c]! / count);
    out[i * 4 + 3] = 255;
  }
  return out;
}

/** Index of the first known pixel whose bytes differ, or -1. */
export function firstChangedKnownPixel(before: Uint8Array, after: Uint8Array, mask: Uint8Array): number {
  for (let i = 0; i < mask.length; i++) {
    if (mask[i]) continue;
    for (let c = 0; c < 4; c++) if (before[i * 4 + c] !== after[i * 4 + c]) return i;
  }
  return -1;
}

/** A two-colour checkerboard with 6 px cells and a second, vertical-stripe period in blue. */
export function periodicTexture(width: number, height: number): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = (Math.floor(x / 6) + Math.floor(y / 6)) % 2 ? 200 : 40;
      rgba.set([v, 255 - v, (x * 2) % 256 > 128 ? 90 : 160, 255], (y * width + x) * 4);
    }
  }
  return rgba;
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));
}
