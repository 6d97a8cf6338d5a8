import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { InfillError } from '../../shared/errors.ts';
import { readTextIfExists, writeFileAtomic } from '../storage/atomic-file.ts';

/**
 * Open recent: the last ten projects saved or opened. A browser cannot reopen a file by its
 * path, so each entry keeps a copy of the project as it was last saved or opened, in the data
 * folder (written atomically); the eleventh pushes the oldest out, copy and all.
 */
export const MAX_RECENT = 10;

const entrySchema = z.object({ id: z.string().regex(/^[a-f0-9]{16}$/), name: z.string().max(255), at: z.string().max(64), bytes: z.number().int().min(0) });
export type RecentProject = z.infer<typeof entrySchema>;

export interface RecentProjects {
  list(): Promise<RecentProject[]>;
  remember(name: string, bytes: Uint8Array): Promise<void>;
  read(id: string): Promise<{ name: string; bytes: Uint8Array }>;
}

export function createRecentProjects(dataDir: string, now: () => Date = () => new Date()): RecentProjects {
  const dir = join(dataDir, 'recent');
  const indexPath = join(dir, 'index.json');
  const fileOf = (id: string) => join(dir, `${id}.infill`);
  // One change at a time, so two saves in a row cannot lose an entry.
  let queue: Promise<unknown> = Promise.resolve();

  async function readList(): Promise<RecentProject[]> {
    const text = await readTextIfExists(indexPath);
    if (!text) return [];
    try {
      return z.array(entrySchema).max(MAX_RECENT).parse(JSON.parse(text));
    } catch {
      // A damaged list is only a convenience lost: start a new one.
      return [];
    }
  }

  return {
    async list() {
      await queue;
      return readList();
    },
    remember(name, bytes) {
      const task = queue.then(async () => {
        const entries = await readList();
        const id = randomBytes(8).toString('hex');
        await writeFileAtomic(fileOf(id), bytes);
        const kept = entries.filter((entry) => entry.name !== name);
        const next = [{ id, name, at: now().toISOString(), bytes: bytes.length }, ...kept].slice(0, MAX_RECENT);
        await writeFileAtomic(indexPath, JSON.stringify(next));
        const keep = new Set(next.map((entry) => entry.id));
        for (const entry of entries) if (!keep.has(entry.id)) await rm(fileOf(entry.id), { force: true });
      });
      queue = task.catch(() => undefined);
      return task;
    },
    async read(id) {
      await queue;
      const entry = (await readList()).find((candidate) => candidate.id === id);
      if (!entry) throw new InfillError('NOT_FOUND', 'That recent project is no longer in the list.');
      try {
        return { name: entry.name, bytes: new Uint8Array(await readFile(fileOf(id))) };
      } catch {
        throw new InfillError('NOT_FOUND', `The copy of “${entry.name}” kept for Open recent is gone.`, { name: entry.name });
      }
    },
  };
}
