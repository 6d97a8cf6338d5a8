import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
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

const entry = (at: string, model: string, amount?: number, images = 2, currency = 'USD') => ({
  at,
  jobId: `j-${at}`,
  providerId: 'gateway:relay',
  gatewayName: 'Relay',
  model,
  images,
  ...(amount === undefined ? {} : { cost: { amount, currency } }),
});

describe('usage log', () => {
  it('keeps running totals across restarts, by day and model, unpriced jobs counted apart', async () => {
    const log = createUsageLog({ dataDir: dir });
    await log.record(entry('2026-11-20T10:00:00.000Z', 'gpt-image-1', 0.1));
    await log.record(entry('2026-11-20T11:00:00.000Z', 'gpt-image-1', 0.05));
    await log.record(entry('2026-11-21T10:00:00.000Z', 'google/gemini-2.5-flash-image', 0.039, 1));
    await log.record(entry('2026-11-21T12:00:00.000Z', 'mystery-model'));
    const summary = await createUsageLog({ dataDir: dir }).summary();
    expect(summary.totals).toHaveLength(1);
    expect(summary.totals[0]?.currency).toBe('USD');
    expect(summary.totals[0]?.amount).toBeCloseTo(0.189, 6);
    expect(summary).toMatchObject({ jobs: 4, images: 7, unpricedJobs: 1 });
    const first = summary.byDay.find((row) => row.model === 'gpt-image-1');
    expect(first).toMatchObject({ day: localDay('2026-11-20T10:00:00.000Z'), jobs: 2, images: 4 });
    expect(first?.cost).toBeCloseTo(0.15, 6);
    expect(summary.recent[0]?.model).toBe('mystery-model');
  });

  it('keeps totals per currency and reads lines written before costs had one as USD', async () => {
    const log = createUsageLog({ dataDir: dir });
    await appendFile(join(dir, 'usage.jsonl'), `${JSON.stringify({ ...entry('2026-11-19T10:00:00.000Z', 'gpt-image-1'), costUsd: 0.2 })}\n`);
    await log.record(entry('2026-11-20T10:00:00.000Z', 'gpt-image-1', 0.3, 1, 'CNY'));
    await log.record(entry('2026-11-20T11:00:00.000Z', 'gpt-image-1', 0.5, 1, 'CNY'));
    const summary = await log.summary();
    expect(summary.totals.map((t) => t.currency)).toEqual(['CNY', 'USD']);
    expect(summary.totals[0]?.amount).toBeCloseTo(0.8, 6);
    expect(summary.totals[1]?.amount).toBeCloseTo(0.2, 6);
    expect(summary.byDay.filter((row) => row.currency === 'CNY')).toHaveLength(1);
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
    expect(prices.sheetFor().prices['gpt-image-1']?.perImage).toBe(0.042);
    let changed = 0;
    prices.onChange(() => changed++);
    await prices.save(undefined, { currency: 'EUR', prices: { 'my-model': { perImage: 0.5 } } });
    expect(changed).toBe(1);
    expect((await createPriceStore({ dataDir: dir })).sheetFor('any-profile')).toEqual({ currency: 'EUR', prices: { 'my-model': { perImage: 0.5 } } });
  });

  it('reads the one-table file of earlier versions as the default USD sheet', async () => {
    await writeFile(join(dir, 'prices.json'), JSON.stringify({ version: 1, prices: { 'gpt-image-1': { perImageUsd: 0.07, outputPerMTok: 40 } } }));
    const prices = await createPriceStore({ dataDir: dir });
    expect(prices.sheetFor()).toEqual({ currency: 'USD', prices: { 'gpt-image-1': { perImage: 0.07, outputPerMTok: 40 } } });
  });
});
