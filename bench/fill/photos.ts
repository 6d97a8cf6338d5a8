/**
 * Real photos for the benchmark: scikit-image's sample data (Debian `python3-skimage`).
 * Uses an installed copy if there is one, else a cached extraction under bench/fill/.cache,
 * else `apt-get download python3-skimage` + `dpkg -x` into that cache.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface PhotoSource {
  name: string;
  file: string;
  licence: string;
}

/** Colour photographs with clear licences (per skimage/data/_fetchers.py). */
const PHOTOS: Array<Omit<PhotoSource, 'file'>> = [
  { name: 'astronaut.png', licence: 'NASA, public domain' },
  { name: 'chelsea.png', licence: 'CC0, Stefan van der Walt' },
  { name: 'coffee.png', licence: 'CC0, Rachel Michetti' },
  { name: 'rocket.jpg', licence: 'SpaceX, public domain' },
  { name: 'hubble_deep_field.jpg', licence: 'NASA, public domain' },
  { name: 'retina.jpg', licence: 'CC0 1.0 (Wikimedia Commons)' },
];

const SKIMAGE_DATA = 'usr/lib/python3/dist-packages/skimage/data';

export function findPhotos(cacheDir: string): PhotoSource[] {
  const dir = locateDataDir(cacheDir);
  return PHOTOS.map((p) => ({ ...p, file: join(dir, p.name) }));
}

function locateDataDir(cacheDir: string): string {
  const installed = `/${SKIMAGE_DATA}`;
  if (hasAll(installed)) return installed;
  const cached = join(cacheDir, 'skimage', SKIMAGE_DATA);
  if (hasAll(cached)) return cached;
  const debDir = join(cacheDir, 'deb');
  mkdirSync(debDir, { recursive: true });
  process.stderr.write('bench: fetching python3-skimage for its sample photos (apt-get download)…\n');
  try {
    execFileSync('apt-get', ['download', 'python3-skimage'], { cwd: debDir, stdio: ['ignore', 'ignore', 'inherit'] });
    const deb = readdirSync(debDir).find((f) => f.startsWith('python3-skimage') && f.endsWith('.deb'));
    if (!deb) throw new Error('apt-get download produced no .deb');
    execFileSync('dpkg', ['-x', join(debDir, deb), join(cacheDir, 'skimage')]);
  } catch (error) {
    throw new Error(
      `bench: no sample photos. Install python3-skimage, or make \`apt-get download python3-skimage\` work ` +
        `(it needs Debian's apt). Cause: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!hasAll(cached)) throw new Error(`bench: ${cached} lacks the expected photos`);
  return cached;
}

function hasAll(dir: string): boolean {
  return PHOTOS.every((p) => existsSync(join(dir, p.name)));
}
