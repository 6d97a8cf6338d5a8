import { randomBytes } from 'node:crypto';
import { rm, stat, writeFile } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InfillError } from '../../shared/errors.ts';
import { formatForPath, outputWriteError } from './output.ts';

/**
 * Checks every output path before any work or request: a paid gateway result must not be thrown
 * away because the file cannot be written, and an output must never replace one of the inputs.
 * The messages name the path the person typed, never an internal temporary file.
 */

async function statOrUndefined(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch {
    return undefined;
  }
}

const sameFile = (a: Stats, b: Stats): boolean => a.dev === b.dev && a.ino === b.ino;

/**
 * Proves the folder takes a new file by creating and removing one (permission bits say nothing
 * for root, /proc, read-only mounts or a full disk). A folder that does not exist yet is not
 * created here (a cancelled run leaves nothing behind): its nearest existing ancestor is probed
 * instead, which is where it would be created. The probe is a dot file, so a batch never reads
 * it back as input.
 */
async function probeFolder(folder: string, shownPath: string): Promise<void> {
  let existing = folder;
  let stats = await statOrUndefined(existing);
  while (!stats && dirname(existing) !== existing) {
    existing = dirname(existing);
    stats = await statOrUndefined(existing);
  }
  if (stats && !stats.isDirectory()) throw outputWriteError(shownPath, Object.assign(new Error('not a folder'), { code: 'ENOTDIR' }));
  const probe = join(existing, `.infill-write-check-${randomBytes(4).toString('hex')}`);
  try {
    await writeFile(probe, '', { flag: 'wx' });
  } catch (error) {
    throw outputWriteError(shownPath, error);
  } finally {
    await rm(probe, { force: true }).catch(() => undefined);
  }
}

/** `outputs`: the files a command will write; `inputs`: the files it reads (none may be replaced). */
export async function checkOutputPaths(outputs: readonly string[], inputs: readonly string[]): Promise<void> {
  const inputStats = await Promise.all(inputs.map(async (path) => ({ path, stats: await statOrUndefined(path) })));
  const probed = new Set<string>();
  for (const output of outputs) {
    formatForPath(output);
    const existing = await statOrUndefined(output);
    const clash = inputStats.find((input) => resolve(input.path) === resolve(output) || (existing && input.stats && sameFile(existing, input.stats)));
    if (clash) throw new InfillError('INVALID_INPUT', `The output “${output}” is the input “${clash.path}”: choose another --out so the original is kept.`, { path: output, input: clash.path });
    if (existing?.isDirectory()) throw new InfillError('INVALID_INPUT', `Cannot write “${output}”: it is a folder.`, { path: output });
    const folder = dirname(resolve(output));
    if (!probed.has(folder)) {
      probed.add(folder);
      await probeFolder(folder, output);
    }
  }
}

/** A batch writes `<stem>.<ext>` files into one folder: that folder must take new files. */
export async function checkOutputFolder(folder: string): Promise<void> {
  const existing = await statOrUndefined(folder);
  if (existing && !existing.isDirectory()) throw new InfillError('INVALID_INPUT', `Cannot write into “${folder}”: it is a file, not a folder.`, { path: folder });
  await probeFolder(resolve(folder), folder);
}
