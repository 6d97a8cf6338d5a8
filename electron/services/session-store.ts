import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChannelOutput } from '../../shared/contract/channels.ts';
import { recordMapSchema } from '../../shared/document/record-schemas.ts';
import { collectAssetIds, type RecordMap } from '../../shared/document/records.ts';
import { serialized, writeFileAtomic } from '../storage/atomic-file.ts';

type LoadedSession = ChannelOutput<'loadSession'>;

/**
 * The open document, autosaved, so a crash, a closed window or a killed process never costs
 * the person their work. Only records are written (small JSON); the pixels they name are
 * already on disk in the asset store, which keeps the session's assets (see `sessionAssetIds`).
 * Writes are atomic and one at a time; a file that cannot be read is set aside, not deleted.
 */
export interface SessionStore {
  save(records: RecordMap): Promise<{ savedAt: string }>;
  load(): Promise<LoadedSession>;
}

const FILE = 'session.json';

export function createSessionStore(dataDir: string): SessionStore {
  const path = join(dataDir, FILE);
  const oneAtATime = serialized();
  return {
    save: (records) =>
      oneAtATime(async () => {
        const savedAt = new Date().toISOString();
        await writeFileAtomic(path, JSON.stringify({ version: 1, savedAt, records }));
        return { savedAt };
      }),

    // Through the same queue as saves: a load right after a save (a reload as the page closes)
    // reads what that save wrote.
    load: () => oneAtATime(() => loadFrom(path)),
  };
}

async function loadFrom(path: string): Promise<LoadedSession> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { session: null };
  }
  const parsed = parseSession(text);
  if (parsed) return { session: parsed };
  const aside = `${path}.damaged-${Date.now()}`;
  await rename(path, aside).catch(() => undefined);
  return { session: null, problem: `The last session could not be read and was kept as ${aside}.` };
}

function parseSession(text: string): { records: RecordMap; savedAt: string } | null {
  try {
    const data = JSON.parse(text) as { savedAt?: unknown; records?: unknown };
    const records = recordMapSchema.safeParse(data.records);
    if (!records.success || typeof data.savedAt !== 'string') return null;
    return { records: records.data, savedAt: data.savedAt };
  } catch {
    return null;
  }
}

/** The assets the autosaved session refers to, read before the asset store tidies its folder. */
export async function sessionAssetIds(dataDir: string): Promise<Set<string>> {
  try {
    const parsed = parseSession(await readFile(join(dataDir, FILE), 'utf8'));
    return parsed ? collectAssetIds(parsed.records) : new Set();
  } catch {
    return new Set();
  }
}
