import { basename } from 'node:path';
import { InfillError } from '../../shared/errors.ts';
import { writeFileAtomic } from '../storage/atomic-file.ts';

/**
 * Asks where to save a project (Electron's native Save dialog), suggesting a file name or the
 * path it was last saved to; undefined when cancelled.
 */
export type ChooseProjectPath = (suggested: string) => Promise<string | undefined>;

export type SavedProject = { outcome: 'written'; fileName: string; path: string; bytes: Uint8Array } | { outcome: 'cancelled' };

/**
 * Saving a project to a file of the person's choosing, as desktop editors do: the first Save
 * and every Save as ask where, with the native dialog; after that Save writes the same file
 * again without asking. Files are written whole (a temporary file, then a rename), so a crash
 * or a full disk leaves the previous save intact.
 */
export interface ProjectSaves {
  /** `pack` runs only once the person has said where, so a cancelled dialog costs nothing. */
  save(fileName: string, saveAs: boolean, pack: () => Promise<Uint8Array>): Promise<SavedProject>;
}

export function createProjectSaves(choose: ChooseProjectPath): ProjectSaves {
  // By the name the project is known by: after Save as "client-v2.infill" the renderer calls
  // the project that, and its next Save comes here under that name.
  const pathOf = new Map<string, string>();
  return {
    async save(fileName, saveAs, pack) {
      const known = pathOf.get(fileName);
      const path = known && !saveAs ? known : await choose(known ?? fileName);
      if (!path) return { outcome: 'cancelled' };
      const bytes = await pack();
      try {
        await writeFileAtomic(path, bytes, 0o644);
      } catch (error) {
        throw writeError(error, path);
      }
      pathOf.set(basename(path), path);
      return { outcome: 'written', fileName: basename(path), path, bytes };
    },
  };
}

function writeError(error: unknown, path: string): InfillError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const name = basename(path);
  if (code === 'ENOSPC' || code === 'EDQUOT') return new InfillError('DISK_FULL', `The disk is full: “${name}” was not saved; the file as it was before is kept.`, { name });
  return new InfillError('FILE_NOT_WRITABLE', `“${path}” could not be written (${code ?? 'unknown error'}); the file as it was before is kept.`, { path, reason: code ?? 'unknown' });
}
