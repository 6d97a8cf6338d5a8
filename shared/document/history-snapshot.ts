import { z } from 'zod';
import { HISTORY_SNAPSHOT_VERSION, type HistorySnapshot } from './history.ts';

/**
 * Reading a history snapshot back from disk: the version decides which migrations run (each
 * turns version n into n + 1), then zod checks every entry against the record schema, so
 * nothing read from a file reaches the history unchecked. A snapshot from a newer Infill is
 * refused with its own reason rather than guessed at.
 */
export type HistoryMigrations = Readonly<Record<number, (snapshot: Record<string, unknown>) => Record<string, unknown>>>;

/** Version 1 is the first; a change of shape adds `1: (v1) => v2` here and raises HISTORY_SNAPSHOT_VERSION. */
export const historyMigrations: HistoryMigrations = {};

const MAX_ENTRIES = 100_000;
const markId = z.string().min(1).max(200);

export function recordsDiffSchema<S extends z.ZodType<{ id: string }>>(record: S) {
  const key = z.string().min(1).max(200);
  return z
    .object({
      added: z.record(key, record),
      updated: z.record(key, z.tuple([record, record])),
      removed: z.record(key, record),
    })
    .strict();
}

export function historySnapshotSchema<S extends z.ZodType<{ id: string }>>(record: S) {
  const entry = z.discriminatedUnion('type', [
    z.object({ type: z.literal('diff'), label: z.string().max(500), diff: recordsDiffSchema(record) }).strict(),
    z.object({ type: z.literal('stop'), id: markId }).strict(),
  ]);
  return z
    .object({
      version: z.literal(HISTORY_SNAPSHOT_VERSION),
      undos: z.array(entry).max(MAX_ENTRIES),
      redos: z.array(entry).max(MAX_ENTRIES),
    })
    .strict();
}

export type ParsedHistory<R extends { id: string }> =
  | { ok: true; snapshot: HistorySnapshot<R> }
  | { ok: false; reason: 'newer' | 'invalid'; detail: string };

interface ParseOptions {
  migrations?: HistoryMigrations;
  currentVersion?: number;
}

export function parseHistorySnapshot<R extends { id: string }>(
  data: unknown,
  record: z.ZodType<R>,
  { migrations = historyMigrations, currentVersion = HISTORY_SNAPSHOT_VERSION }: ParseOptions = {},
): ParsedHistory<R> {
  const migrated = migrateHistorySnapshot(data, migrations, currentVersion);
  if (!migrated.ok) return migrated;
  const schema = historySnapshotSchema(record).extend({ version: z.literal(currentVersion) });
  const parsed = schema.safeParse(migrated.data);
  if (!parsed.success) return { ok: false, reason: 'invalid', detail: z.prettifyError(parsed.error) };
  return { ok: true, snapshot: parsed.data as HistorySnapshot<R> };
}

function migrateHistorySnapshot(
  data: unknown,
  migrations: HistoryMigrations,
  currentVersion: number,
): { ok: true; data: Record<string, unknown> } | { ok: false; reason: 'newer' | 'invalid'; detail: string } {
  const versioned = z.looseObject({ version: z.number().int().min(1) }).safeParse(data);
  if (!versioned.success) return { ok: false, reason: 'invalid', detail: 'The history has no version.' };
  let snapshot: Record<string, unknown> = versioned.data;
  let version = versioned.data.version;
  if (version > currentVersion) return { ok: false, reason: 'newer', detail: `The history is version ${version}; this Infill reads up to ${currentVersion}.` };
  while (version < currentVersion) {
    const migrate = migrations[version];
    if (!migrate) return { ok: false, reason: 'invalid', detail: `No migration from history version ${version}.` };
    snapshot = migrate(snapshot);
    version += 1;
    snapshot = { ...snapshot, version };
  }
  return { ok: true, data: snapshot };
}
