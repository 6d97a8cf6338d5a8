import sharp from 'sharp';

/** Pixel helpers for the test gateway: what a "model" does to the pictures it is sent. */

export interface DecodedImage {
  width: number;
  height: number;
  /** RGBA. */
  data: Buffer;
  format: string;
  space: string;
  /** Whether the encoded file itself carried an alpha channel. */
  hasAlpha: boolean;
  channels: number;
}

export type Rgb = readonly [number, number, number];

export async function decodeImage(bytes: Buffer): Promise<DecodedImage> {
  const meta = await sharp(bytes).metadata();
  const { data, info } = await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return {
    width: info.width,
    height: info.height,
    data,
    format: meta.format ?? 'unknown',
    space: meta.space ?? 'unknown',
    hasAlpha: meta.hasAlpha === true,
    channels: meta.channels ?? 0,
  };
}

export async function encodePng(width: number, height: number, rgba: Buffer): Promise<Buffer> {
  return sharp(rgba, { raw: { width, height, channels: 4 } }).png({ compressionLevel: 1 }).toBuffer();
}

export async function resizeRgba(image: { width: number; height: number; data: Buffer }, width: number, height: number): Promise<Buffer> {
  if (image.width === width && image.height === height) return image.data;
  return sharp(image.data, { raw: { width: image.width, height: image.height, channels: 4 } })
    .resize(width, height, { fit: 'fill' })
    .raw()
    .toBuffer();
}

/** Accepts a bare base64 string or a data URI, as JSON relays do. */
export function bytesFromBase64OrDataUri(value: string): Buffer {
  const comma = value.startsWith('data:') ? value.indexOf(',') : -1;
  return Buffer.from(comma >= 0 ? value.slice(comma + 1) : value, 'base64');
}

export function dataUri(png: Buffer): string {
  return `data:image/png;base64,${png.toString('base64')}`;
}

/**
 * The "model": paints `colour` wherever `edits(i)` says, adds `shift` to every other pixel
 * (a relay's tone drift), and returns a copy. `edits` gets the pixel index.
 */
export function paint(image: { data: Buffer }, edits: (i: number) => boolean, colour: Rgb, shift = 0): Buffer {
  const out = Buffer.from(image.data);
  const pixels = out.length / 4;
  for (let i = 0; i < pixels; i++) {
    const o = i * 4;
    if (edits(i)) {
      out[o] = colour[0];
      out[o + 1] = colour[1];
      out[o + 2] = colour[2];
      out[o + 3] = 255;
    } else if (shift !== 0) {
      for (let c = 0; c < 3; c++) out[o + c] = Math.max(0, Math.min(255, (out[o + c] ?? 0) + shift));
    }
  }
  return out;
}

/** A solid picture, for generations and for "mask ignored". */
export function solid(width: number, height: number, colour: Rgb): Buffer {
  const out = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    out[i * 4] = colour[0];
    out[i * 4 + 1] = colour[1];
    out[i * 4 + 2] = colour[2];
    out[i * 4 + 3] = 255;
  }
  return out;
}

/** Each candidate of a request gets its own colour, so tests can tell them apart. */
export function candidateColour(base: Rgb, index: number): Rgb {
  return [base[0], (base[1] + index * 40) % 256, base[2]];
}
