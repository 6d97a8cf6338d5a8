/**
 * The exclusion tests' picture: a green and magenta checker on the left half, white and navy
 * stripes on the right. A fill across the middle takes white stripe pixels unless the right
 * half is excluded from sampling, which whitePixels counts.
 */
import sharp from 'sharp';

/** `cell`: the checker's square side; the stripes are half as wide. */
export async function writeHalvesPicture(file: string, width: number, height: number, cell = 12): Promise<void> {
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = (Math.floor(x / cell) + Math.floor(y / cell)) % 2 ? 200 : 40;
      const colour = x < width / 2 ? [v, 255 - v, 120] : Math.floor(x / (cell / 2)) % 2 ? [250, 250, 250] : [20, 20, 90];
      rgba.set([...colour, 255], (y * width + x) * 4);
    }
  }
  await sharp(Buffer.from(rgba), { raw: { width, height, channels: 4 } }).png().toFile(file);
}

/** Pixels of a stripe's white (every channel above 230) where `counted(x, y)`. */
export function whitePixels(image: { width: number; height: number; data: Uint8Array }, counted: (x: number, y: number) => boolean): number {
  let count = 0;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const i = (y * image.width + x) * 4;
      if (counted(x, y) && image.data[i]! > 230 && image.data[i + 1]! > 230 && image.data[i + 2]! > 230) count++;
    }
  }
  return count;
}
