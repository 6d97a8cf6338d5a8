import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';

const photos = join(import.meta.dirname, '../../tests/fixtures/photos');
export const benchFixtures = join(import.meta.dirname, '../fixtures');

/**
 * Big test photos made from a real one (upscaled, so decode cost is that of real content),
 * cached under bench/fixtures (git-ignored). `variant` n > 0 encodes it at a slightly lower JPEG
 * quality: other bytes, so an open cannot reuse the previous one's decode.
 */
export async function benchPhoto(width: number, height: number, format: 'jpeg' | 'png' = 'jpeg', variant = 0): Promise<string> {
  await mkdir(benchFixtures, { recursive: true });
  const suffix = variant > 0 ? `-v${variant}` : '';
  const file = join(benchFixtures, `astronaut-${width}x${height}${suffix}.${format === 'jpeg' ? 'jpg' : 'png'}`);
  if (!existsSync(file)) {
    const resized = sharp(join(photos, 'astronaut.jpg')).resize(width, height, { fit: 'fill', kernel: 'lanczos3' });
    await (format === 'jpeg' ? resized.jpeg({ quality: 90 - variant }) : resized.png({ compressionLevel: 1 })).toFile(file);
  }
  return file;
}
