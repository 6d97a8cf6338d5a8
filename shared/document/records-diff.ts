/**
 * Reversible diffs over a record map, after tldraw's RecordsDiff: `added`, `updated: [from, to]`
 * and `removed`. Applying a diff and then its reverse gives back the same map.
 */
export interface RecordsDiff<R extends { id: string }> {
  added: Record<string, R>;
  updated: Record<string, [from: R, to: R]>;
  removed: Record<string, R>;
}

export function emptyDiff<R extends { id: string }>(): RecordsDiff<R> {
  return { added: {}, updated: {}, removed: {} };
}

export function isEmptyDiff<R extends { id: string }>(diff: RecordsDiff<R>): boolean {
  return (
    Object.keys(diff.added).length === 0 &&
    Object.keys(diff.updated).length === 0 &&
    Object.keys(diff.removed).length === 0
  );
}

export function reverseDiff<R extends { id: string }>(diff: RecordsDiff<R>): RecordsDiff<R> {
  const updated: Record<string, [R, R]> = {};
  for (const [id, [from, to]] of Object.entries(diff.updated)) updated[id] = [to, from];
  return { added: { ...diff.removed }, updated, removed: { ...diff.added } };
}

export function applyDiff<R extends { id: string }>(records: Readonly<Record<string, R>>, diff: RecordsDiff<R>): Record<string, R> {
  const next: Record<string, R> = { ...records };
  for (const id of Object.keys(diff.removed)) delete next[id];
  for (const [id, [, to]] of Object.entries(diff.updated)) next[id] = to;
  for (const [id, record] of Object.entries(diff.added)) next[id] = record;
  return next;
}

/** The diff that turns `before` into `after`, comparing records by identity. */
export function diffRecords<R extends { id: string }>(
  before: Readonly<Record<string, R>>,
  after: Readonly<Record<string, R>>,
): RecordsDiff<R> {
  const diff = emptyDiff<R>();
  for (const [id, record] of Object.entries(before)) {
    const next = after[id];
    if (next === undefined) diff.removed[id] = record;
    else if (next !== record) diff.updated[id] = [record, next];
  }
  for (const [id, record] of Object.entries(after)) if (!(id in before)) diff.added[id] = record;
  return diff;
}

/** One diff with the effect of `first` followed by `second`. */
export function squashDiffs<R extends { id: string }>(first: RecordsDiff<R>, second: RecordsDiff<R>): RecordsDiff<R> {
  const result: RecordsDiff<R> = {
    added: { ...first.added },
    updated: { ...first.updated },
    removed: { ...first.removed },
  };
  for (const [id, record] of Object.entries(second.added)) {
    const removedBefore = result.removed[id];
    if (removedBefore !== undefined) {
      delete result.removed[id];
      if (removedBefore !== record) result.updated[id] = [removedBefore, record];
    } else {
      result.added[id] = record;
    }
  }
  for (const [id, [from, to]] of Object.entries(second.updated)) {
    if (id in result.added) result.added[id] = to;
    else {
      const earlier = result.updated[id];
      const origin = earlier ? earlier[0] : from;
      if (origin === to) delete result.updated[id];
      else result.updated[id] = [origin, to];
    }
  }
  for (const [id, record] of Object.entries(second.removed)) {
    if (id in result.added) delete result.added[id];
    else {
      const earlier = result.updated[id];
      delete result.updated[id];
      result.removed[id] = earlier ? earlier[0] : record;
    }
  }
  return result;
}
