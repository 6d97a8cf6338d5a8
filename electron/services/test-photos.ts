import { readFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Real photos committed under tests/fixtures/photos, for unit tests of main's services. */
export const photosDir = join(import.meta.dirname, '../../tests/fixtures/photos');

export async function readPhoto(name: 'coffee.jpg' | 'chelsea.png' | 'astronaut.jpg'): Promise<Uint8Array> {
  return new Uint8Array(await readFile(join(photosDir, name)));
}

export function tempDir(prefix = 'infill-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}
