import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { OverlayOptions } from 'sharp';
import { benchFixtures } from '../app/fixtures.ts';

/**
 * A 24 MP photo with a real camera's amount of detail per pixel. `benchPhoto` upscales a 512²
 * photo twelvefold, which is so smooth that its 24 MP JPEG is 1.5 MB and decodes in ~100 ms; a
 * camera's 24 MP JPEG is 8–15 MB. This one tiles the committed test photos at their native
 * resolution (each tile a different crop, some mirrored, so no encoder finds repeats), cached
 * under bench/fixtures (git-ignored).
 */
const photos = join(import.meta.dirname, '../../tests/fixtures/photos');
const TILE = { width: 450, height: 300 };
const sources = ['astronaut.jpg', 'coffee.jpg', 'chelsea.png'] as const;

export async function detailedPhoto(width: number, height: number): Promise<string> {
  await mkdir(benchFixtures, { recursive: true });
  const file = join(benchFixtures, `mosaic-${width}x${height}.jpg`);
  if (existsSync(file)) return file;
  const meta = await Promise.all(sources.map(async (name) => ({ name, ...(await sharp(join(photos, name)).metadata()) })));
  const tiles: OverlayOptions[] = [];
  let k = 0;
  for (let top = 0; top < height; top += TILE.height) {
    for (let left = 0; left < width; left += TILE.width, k++) {
      const source = meta[k % sources.length]!;
      const w = Math.min(TILE.width, width - left);
      const h = Math.min(TILE.height, height - top);
      // A different window into the source for each tile, deterministic.
      const spareX = source.width - TILE.width;
      const spareY = source.height - TILE.height;
      const x = spareX > 0 ? (k * 37) % (spareX + 1) : 0;
      const y = spareY > 0 ? (k * 53) % (spareY + 1) : 0;
      let tile = sharp(join(photos, source.name)).extract({ left: x, top: y, width: w, height: h });
      if (k % 2 === 1) tile = tile.flop();
      if (k % 5 >= 3) tile = tile.flip();
      tiles.push({ input: await tile.removeAlpha().png({ compressionLevel: 0 }).toBuffer(), left, top });
    }
  }
  await sharp({ create: { width, height, channels: 3, background: '#808080' } }).composite(tiles).jpeg({ quality: 92 }).toFile(file);
  return file;
}
