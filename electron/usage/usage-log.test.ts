import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPriceStore } from './price-store.ts';
import { createUsageLog, localDay } from './usage-log.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'infill-usage-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const entry = (at: string, model: string, costUsd?: number, images = 2) => ({
  at,
  jobId: `j-${at}`,
  providerId: 'gateway:relay',
  gatewayName: 'Relay',
  model,
  images,
  ...(costUsd === undefined ? {} : { costUsd }),
});

describe('usage log', () => {
  it('keeps running totals across restarts, by day and model, unpriced jobs counted apart', async () => {
    const log = createUsageLog({ dataDir: dir });
    await log.record(entry('2026-11-20T10:00:00.000Z', 'gpt-image-1', 0.1));
    await log.record(entry('2026-11-20T11:00:00.000Z', 'gpt-image-1', 0.05));
    await log.record(entry('2026-11-21T10:00:00.000Z', 'google/gemini-2.5-flash-image', 0.039, 1));
    await log.record(entry('2026-11-21T12:00:00.000Z', 'mystery-model'));
    const summary = await createUsageLog({ dataDir: dir }).summary();
    expect(summary.totalUsd).toBeCloseTo(0.189, 6);
    expect(summary).toMatchObject({ jobs: 4, images: 7, unpricedJobs: 1 });
    const first = summary.byDay.find((row) => row.model === 'gpt-image-1');
    expect(first).toMatchObject({ day: localDay('2026-11-20T10:00:00.000Z'), jobs: 2, images: 4 });
    expect(first?.costUsd).toBeCloseTo(0.15, 6);
    expect(summary.recent[0]?.model).toBe('mystery-model');
  });

  it('skips a torn line from a crash instead of losing the log', async () => {
    const log = createUsageLog({ dataDir: dir });
    await log.record(entry('2026-11-20T10:00:00.000Z', 'gpt-image-1', 0.1));
    await appendFile(join(dir, 'usage.jsonl'), '{"at":"2026-11-20T1');
    const summary = await log.summary();
    expect(summary.jobs).toBe(1);
  });
});

describe('price store', () => {
  it('starts from the defaults and keeps the edited table across restarts', async () => {
    const prices = await createPriceStore({ dataDir: dir });
    expect(prices.table()['gpt-image-1']?.perImageUsd).toBe(0.042);
    let changed = 0;
    prices.onChange(() => changed++);
    await prices.save({ 'my-model': { perImageUsd: 0.5 } });
    expect(changed).toBe(1);
    expect((await createPriceStore({ dataDir: dir })).table()).toEqual({ 'my-model': { perImageUsd: 0.5 } });
  });
});
