import * as nodeFs from 'node:fs/promises';
import { join } from 'node:path';
import type { ChannelOutput } from '../../shared/contract/channels.ts';
import type { SessionRecovery } from '../../shared/contract/session.ts';
import { applyJournalEntry, createDocumentState, type DocumentState, type JournalEntry } from '../../shared/document/journal.ts';
import { getDocument } from '../../shared/document/records.ts';
import { InfillError } from '../../shared/errors.ts';
import { serialized, writeFileAtomic, type AtomicWriteFs } from '../storage/atomic-file.ts';
import { emptyHistory, formatJournalLine, formatSnapshot, parseJournal, parseLegacySession, parseSnapshot, type SessionState } from './session-files.ts';

type LoadedSession = ChannelOutput<'loadSession'>;

/**
 * Crash-proof autosave of the open document and its undo/redo history. Each save appends the
 * renderer's journal entries to a log and syncs it to disk before answering, so an edit is on
 * disk within milliseconds of being made, and a kill -9 loses at most the stroke in progress.
 * Main keeps a replica of the document (the same journal code as the renderer) and now and then
 * folds it into a new snapshot, written atomically; the last few snapshots and their logs are
 * kept, so a damaged newest snapshot falls back to the one before plus the logs since. Damaged
 * files are kept aside, never deleted. When a write fails (a full disk), what was on disk stays
 * as it was and the next save writes a whole snapshot, so nothing applied is lost once it works.
 */
export interface SessionStore {
  save(entries: JournalEntry[]): Promise<{ savedAt: string }>;
  load(): Promise<LoadedSession>;
}

export type SessionFs = AtomicWriteFs & Pick<typeof nodeFs, 'readFile' | 'readdir' | 'open' | 'truncate'>;

export interface SessionStoreOptions {
  /** Tests pass a file system that fails like a full disk. */
  fs?: SessionFs;
  now?: () => Date;
  /** Fold the log into a snapshot after this many entries or bytes. */
  foldAfterEntries?: number;
  foldAfterBytes?: number;
  /** Snapshots (and their logs) kept to fall back on. */
  keepSnapshots?: number;
}

const DIR = 'session';
const LEGACY_FILE = 'session.json';
const SNAPSHOT = /^snapshot-(\d+)\.jsonl$/;
const JOURNAL = /^journal-(\d+)\.jsonl$/;

interface Live {
  state: DocumentState;
  /** When the replica last took a change. */
  savedAt: string;
  generation: number;
  journalEntries: number;
  journalBytes: number;
  /** The log no longer matches the replica (a failed write, a damaged file): the next save writes a snapshot. */
  mustFold: boolean;
}

export function createSessionStore(dataDir: string, options: SessionStoreOptions = {}): SessionStore {
  const fs = options.fs ?? nodeFs;
  const now = options.now ?? (() => new Date());
  const foldAfterEntries = options.foldAfterEntries ?? 200;
  const foldAfterBytes = options.foldAfterBytes ?? 4 * 1024 * 1024;
  const keepSnapshots = options.keepSnapshots ?? 3;
  const dir = join(dataDir, DIR);
  const snapshotPath = (generation: number) => join(dir, `snapshot-${generation}.jsonl`);
  const journalPath = (generation: number) => join(dir, `journal-${generation}.jsonl`);
  const oneAtATime = serialized();
  let live: Live | undefined;

  async function fold(target: Live, savedAt: string): Promise<void> {
    const next = target.generation + 1;
    const state: SessionState = { records: target.state.records, history: target.state.history.toSnapshot(), savedAt };
    try {
      await writeFileAtomic(snapshotPath(next), formatSnapshot(state, next), 0o600, fs);
    } catch (error) {
      target.mustFold = true;
      throw saveError(error, snapshotPath(next));
    }
    Object.assign(target, { generation: next, journalEntries: 0, journalBytes: 0, mustFold: false });
    await prune(next).catch(() => undefined);
  }

  /** Drops snapshots and logs older than the ones kept to fall back on. */
  async function prune(newest: number): Promise<void> {
    const oldestKept = newest - keepSnapshots + 1;
    for (const name of await fs.readdir(dir)) {
      const generation = Number((SNAPSHOT.exec(name) ?? JOURNAL.exec(name))?.[1] ?? NaN);
      if (generation < oldestKept) await fs.rm(join(dir, name), { force: true });
    }
  }

  async function append(target: Live, text: string, count: number): Promise<void> {
    const path = journalPath(target.generation);
    let handle: nodeFs.FileHandle | undefined;
    try {
      await fs.mkdir(dir, { recursive: true });
      handle = await fs.open(path, 'a', 0o600);
      await handle.appendFile(text);
      // On the disk, not only in the page cache, before the renderer hears "saved".
      await handle.datasync();
    } catch (error) {
      // A line cut short would hide the lines after it: cut the log back to whole lines.
      await fs.truncate(path, target.journalBytes).catch(() => undefined);
      target.mustFold = true;
      throw saveError(error, path);
    } finally {
      await handle?.close().catch(() => undefined);
    }
    target.journalEntries += count;
    target.journalBytes += Buffer.byteLength(text);
  }

  async function readLive(): Promise<{ live: Live; output: LoadedSession }> {
    const read = await readSession(fs, dir, dataDir);
    const state = createDocumentState();
    applyJournalEntry(state, { type: 'replace', records: read.state.records, history: read.state.history });
    for (const { entry } of read.entries) applyJournalEntry(state, entry);
    // A damaged or cut-short log is not appended to: a fresh snapshot starts a fresh log.
    const mustFold = read.recovery !== undefined || read.legacy || read.journalTorn;
    const next: Live = { state, savedAt: read.savedAt, generation: read.generation, journalEntries: read.journalEntries, journalBytes: read.journalBytes, mustFold };
    const hasDocument = getDocument(state.records) !== undefined;
    if (next.mustFold && hasDocument) {
      const folded = await fold(next, read.savedAt).then(() => true, () => false);
      // The old single-file autosave has been carried over into a snapshot: it is not read again.
      if (folded && read.legacy) await fs.rm(join(dataDir, LEGACY_FILE), { force: true });
    }
    const session = sessionOf(state, read.savedAt);
    return { live: next, output: read.recovery ? { session, recovery: read.recovery } : { session } };
  }

  return {
    save: (entries) =>
      oneAtATime(async () => {
        live ??= (await readLive()).live;
        const target = live;
        const savedAt = now().toISOString();
        target.savedAt = savedAt;
        // The replica takes the entries first: should the disk refuse them, the next save that
        // works writes them with everything else.
        for (const entry of entries) applyJournalEntry(target.state, entry);
        const text = entries.map((entry) => formatJournalLine(entry, savedAt)).join('');
        // Into the log first, even when a snapshot follows: the snapshot before it plus its
        // log must add up to the next snapshot, for the day that one cannot be read.
        if (!target.mustFold) await append(target, text, entries.length);
        const replaced = entries.some((entry) => entry.type === 'replace');
        if (target.mustFold || replaced || target.journalEntries > foldAfterEntries || target.journalBytes > foldAfterBytes) await fold(target, savedAt);
        return { savedAt };
      }),

    // Through the same queue as saves: a load right after a save (a reload as the page closes)
    // reads what that save wrote. Once this process has the document, a reload gets main's copy,
    // which holds everything sent, even what a full disk refused.
    load: () =>
      oneAtATime(async () => {
        if (live) return { session: sessionOf(live.state, live.savedAt) };
        const read = await readLive();
        live = read.live;
        return read.output;
      }),
  };
}

function sessionOf(state: DocumentState, savedAt: string): LoadedSession['session'] {
  return getDocument(state.records) ? { records: state.records, history: state.history.toSnapshot(), savedAt } : null;
}

interface ReadSession {
  state: SessionState;
  entries: Array<{ at: string; entry: JournalEntry }>;
  generation: number;
  journalEntries: number;
  journalBytes: number;
  /** The newest log ends in a line cut short (the process died while writing it). */
  journalTorn: boolean;
  savedAt: string;
  recovery: SessionRecovery | undefined;
  legacy: boolean;
}

/**
 * The newest snapshot that reads whole, plus every log since; failing that, what can be
 * salvaged from a damaged one; failing that, the logs alone (a log holds a whole document from
 * the moment a photo was opened).
 */
async function readSession(fs: SessionFs, dir: string, dataDir: string): Promise<ReadSession> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const generations = (pattern: RegExp) => names.flatMap((name) => (pattern.exec(name) ? [Number(pattern.exec(name)![1])] : []));
  const snapshots = generations(SNAPSHOT).sort((a, b) => b - a);
  const journals = generations(JOURNAL).sort((a, b) => a - b);
  const newest = Math.max(0, ...snapshots, ...journals);
  const empty: SessionState = { records: {}, history: emptyHistory(), savedAt: new Date(0).toISOString() };

  let base: { state: SessionState; generation: number; whole: boolean } | undefined;
  let damaged = false;
  for (const generation of snapshots) {
    const path = join(dir, `snapshot-${generation}.jsonl`);
    const parsed = parseSnapshot(await fs.readFile(path, 'utf8').catch(() => ''));
    if (parsed.kind === 'complete') {
      base = { state: parsed.state, generation, whole: true };
      break;
    }
    damaged = true;
    if (parsed.kind === 'partial' && !base) base = { state: parsed.state, generation, whole: false };
    await setAside(fs, path);
  }

  let legacy = false;
  if (!base && snapshots.length === 0 && journals.length === 0) {
    const path = join(dataDir, LEGACY_FILE);
    const text = await fs.readFile(path, 'utf8').catch(() => undefined);
    if (text !== undefined) {
      const state = parseLegacySession(text);
      if (state) {
        base = { state, generation: 0, whole: true };
        legacy = true;
      } else {
        damaged = true;
        await setAside(fs, path);
      }
    }
  }

  const logs = new Map<number, { journal: ReturnType<typeof parseJournal>; bytes: number }>();
  for (const generation of journals) {
    const text = await fs.readFile(join(dir, `journal-${generation}.jsonl`), 'utf8').catch(() => '');
    logs.set(generation, { journal: parseJournal(text), bytes: Buffer.byteLength(text) });
  }
  // Without a whole snapshot, a log that opened a document holds all of it from there on.
  if (!base?.whole) {
    const opened = journals.find((g) => logs.get(g)!.journal.entries.some(({ entry }) => entry.type === 'replace'));
    if (opened !== undefined && (base === undefined || opened <= base.generation)) base = { state: { ...empty }, generation: opened, whole: true };
  }
  const from = base?.generation ?? journals[0] ?? 0;
  const entries: ReadSession['entries'] = [];
  let journalDamaged = false;
  for (const generation of journals.filter((g) => g >= from)) {
    const { journal } = logs.get(generation)!;
    entries.push(...journal.entries);
    journalDamaged ||= journal.damaged;
  }
  const journalEntries = logs.get(newest)?.journal.entries.length ?? 0;
  const journalBytes = logs.get(newest)?.bytes ?? 0;
  const journalTorn = logs.get(newest)?.journal.torn ?? false;

  const state = base?.state ?? empty;
  const savedAt = entries.at(-1)?.at ?? state.savedAt;
  const restored = getDocument(state.records) !== undefined || entries.some(({ entry }) => entry.type === 'replace');
  let recovery: SessionRecovery | undefined;
  if (!restored) recovery = damaged ? { kind: 'unreadable' } : undefined;
  else if ((base && !base.whole) || journalDamaged) recovery = { kind: 'partial', savedAt };
  else if (damaged) recovery = { kind: 'older', savedAt };
  return { state, entries, generation: newest, journalEntries, journalBytes, journalTorn, savedAt, recovery, legacy };
}

/** A file that cannot be read is renamed, not deleted: a person (or support) may still get something out of it. */
async function setAside(fs: SessionFs, path: string): Promise<void> {
  await fs.rename(path, `${path}.damaged-${Date.now()}`).catch(() => undefined);
}

function saveError(error: unknown, path: string): Error {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new InfillError('DISK_FULL', `The disk is full: could not write the autosave ${path}; the previous autosave is kept.`);
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Every asset the autosave files name (their records, histories and logs), read before the
 * asset store tidies its folder, so an undo after a restart still finds its pixels. Read as
 * text, so that a damaged file keeps the assets a salvage may still need.
 */
export async function sessionAssetIds(dataDir: string): Promise<Set<string>> {
  const dir = join(dataDir, DIR);
  const names = await nodeFs.readdir(dir).catch(() => [] as string[]);
  const paths = [...names.filter((name) => SNAPSHOT.test(name) || JOURNAL.test(name)).map((name) => join(dir, name)), join(dataDir, LEGACY_FILE)];
  const ids = new Set<string>();
  for (const path of paths) {
    const text = await nodeFs.readFile(path, 'utf8').catch(() => '');
    for (const match of text.matchAll(/"assetId":"([a-f0-9]{32})"/g)) ids.add(match[1]!);
  }
  return ids;
}
