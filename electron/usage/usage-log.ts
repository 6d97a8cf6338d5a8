import { appendFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { storedUsageEntrySchema, usageEntrySchema, type UsageEntry, type UsageSummary } from '../../shared/contract/schemas.ts';
import { addToTotals, type Money } from '../../shared/gateway/money.ts';
import { readTextIfExists, serialized } from '../storage/atomic-file.ts';

/**
 * Every finished gateway job, one JSON line each in `usage.jsonl`, so running totals survive
 * restarts and a torn last line (a crash mid-append) costs one entry, not the log.
 */
export interface UsageLog {
  record(entry: UsageEntry): Promise<void>;
  summary(): Promise<UsageSummary>;
}

/** Local calendar day of an ISO time, as the person reads the chart. */
export function localDay(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function summarize(entries: readonly UsageEntry[], recentCount = 50): UsageSummary {
  const byKey = new Map<string, UsageSummary['byDay'][number]>();
  let totals: Money[] = [];
  let images = 0;
  let unpricedJobs = 0;
  for (const entry of entries) {
    if (entry.cost) totals = addToTotals(totals, entry.cost);
    images += entry.images;
    if (entry.cost === undefined) unpricedJobs++;
    const day = localDay(entry.at);
    // An unpriced job counts on the chart's day with no cost; it has no currency of its own.
    const currency = entry.cost?.currency ?? '';
    const key = `${day}\u0000${entry.model}\u0000${currency}`;
    const row = byKey.get(key) ?? { day, model: entry.model, currency, cost: 0, jobs: 0, images: 0 };
    row.cost += entry.cost?.amount ?? 0;
    row.jobs += 1;
    row.images += entry.images;
    byKey.set(key, row);
  }
  const byDay = [...byKey.values()].sort((a, b) => a.day.localeCompare(b.day) || a.model.localeCompare(b.model) || a.currency.localeCompare(b.currency));
  return { totals, jobs: entries.length, images, unpricedJobs, byDay, recent: entries.slice(-recentCount).reverse() };
}

export function parseUsageLines(text: string): UsageEntry[] {
  const entries: UsageEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const parsed = storedUsageEntrySchema.safeParse(JSON.parse(line));
      if (parsed.success) entries.push(parsed.data);
    } catch {
      // A torn line from a crash: skip it.
    }
  }
  return entries;
}

export function createUsageLog(options: { dataDir: string }): UsageLog {
  const file = join(options.dataDir, 'usage.jsonl');
  const queue = serialized();
  return {
    record(entry) {
      const line = `${JSON.stringify(usageEntrySchema.parse(entry))}\n`;
      return queue(async () => {
        await mkdir(dirname(file), { recursive: true });
        await appendFile(file, line, { mode: 0o644 });
      });
    },
    summary: () => queue(async () => summarize(parseUsageLines((await readTextIfExists(file)) ?? ''))),
  };
}
