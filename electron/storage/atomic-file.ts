import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** The file operations an atomic write needs; tests pass their own to simulate a full disk. */
export type AtomicWriteFs = Pick<typeof nodeFs, 'mkdir' | 'writeFile' | 'rename' | 'rm'>;

/**
 * Files Infill keeps (settings, the autosaved session, assets) are written whole: a sibling
 * temp file, then a rename over the old one, so a crash mid-write leaves either the old file or
 * the new one, never half of each. `mode` 0600: the user's files (the key file above all,
 * even encrypted) are nobody else's business.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o600, fs: AtomicWriteFs = nodeFs): Promise<void> {
  await fs.mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await fs.writeFile(temp, data, { mode });
    await fs.rename(temp, path);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

/** The file's text, or undefined when it does not exist yet. */
export async function readTextIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Runs writes one after the other, so two quick saves cannot interleave their read-modify-write. */
export function serialized(): <T>(work: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (work) => {
    const next = tail.then(work, work);
    tail = next.catch(() => undefined);
    return next;
  };
}
