import { unzipSync, type Unzipped } from 'fflate';
import { InfillError } from '../../shared/errors.ts';

/**
 * Unzips a project only after its central directory says it is safe to: every name stays inside
 * the project (no `..`, no absolute path, no drive letter, no backslash tricks), and the sizes it
 * declares unpack to no more than a sane bound, in total and per entry ratio (a zip bomb). fflate
 * inflates into a buffer of the declared size, so a lying entry fails instead of growing.
 */
export interface UnzipLimits {
  /** Bytes of all entries together once unpacked. */
  maxTotalBytes: number;
  maxEntries: number;
  /** Unpacked / packed for entries over 1 MB unpacked: JSON compresses ~10×, images ~1×. */
  maxRatio: number;
}

export const projectUnzipLimits: UnzipLimits = { maxTotalBytes: 4 * 1024 ** 3, maxEntries: 10_000, maxRatio: 200 };

export function isSafeEntryName(name: string): boolean {
  if (name.length === 0 || name.length > 1024) return false;
  if (name.startsWith('/') || name.includes('\\') || /^[a-zA-Z]:/.test(name) || name.includes('\0')) return false;
  return name.split('/').every((part) => part !== '..' && part !== '.');
}

export function safeUnzip(bytes: Uint8Array, name: string, limits: UnzipLimits = projectUnzipLimits): Unzipped {
  let total = 0;
  let entries = 0;
  let refusal: InfillError | undefined;
  const refuse = (message: string, reason: string) => {
    refusal ??= new InfillError('PROJECT_UNSAFE', `“${name}” was refused: ${message}`, { name, reason });
    return false;
  };
  let files: Unzipped;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (refusal) return false;
        entries += 1;
        total += file.originalSize;
        if (!isSafeEntryName(file.name)) return refuse(`the entry “${file.name}” would unpack outside the project.`, 'path');
        if (entries > limits.maxEntries) return refuse(`it holds more than ${limits.maxEntries} entries.`, 'entries');
        if (total > limits.maxTotalBytes) return refuse(`it would unpack to more than ${limits.maxTotalBytes / 1024 ** 3} GB.`, 'size');
        if (file.originalSize > 1024 ** 2 && file.originalSize > file.size * limits.maxRatio) {
          return refuse(`the entry “${file.name}” would unpack ${Math.round(file.originalSize / Math.max(1, file.size))} times larger (a zip bomb).`, 'ratio');
        }
        return true;
      },
    });
  } catch (error) {
    if (refusal) throw refusal;
    const reason = error instanceof Error ? error.message : String(error);
    throw new InfillError('PROJECT_DAMAGED', `“${name}” is not a readable Infill project (${reason}).`, { name, reason });
  }
  if (refusal) throw refusal;
  return files;
}
