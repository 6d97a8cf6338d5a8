/** Pixel I/O for the benchmark (sharp), always RGBA 8-bit. */
import sharp from 'sharp';

export interface RgbaImage {
  width: number;
  height: number;
  rgba: Uint8Array;
}

export async function loadRgba(file: string, maxSide?: number): Promise<RgbaImage> {
  let pipeline = sharp(file).removeAlpha().ensureAlpha();
  if (maxSide) pipeline = pipeline.resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true });
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, rgba: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}

export async function savePng(path: string, image: RgbaImage): Promise<void> {
  await sharp(image.rgba, { raw: { width: image.width, height: image.height, channels: 4 } }).png({ compressionLevel: 1 }).toFile(path);
}

export async function saveMaskPng(path: string, mask: Uint8Array, width: number, height: number): Promise<void> {
  await sharp(mask, { raw: { width, height, channels: 1 } }).png({ compressionLevel: 1 }).toFile(path);
}
