/**
 * Autosave benchmarks:
 * - stroke → on disk: in real Chromium through the browser bridge, from a stroke's pointerup to
 *   main's answer that the entry is synced to the log (resource timing of the saveSession
 *   request, measured in the page), against the bare cost of appending and syncing a line of
 *   the same size to the same disk from Node (the floor, same run);
 * - folding and loading a long session: 200 strokes of 2 000 points each with their history,
 *   through the session store.
 * Prints a markdown section.
 */
import { open, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { createSessionStore } from '../../electron/services/session-store.ts';
import type { JournalEntry } from '../../shared/document/journal.ts';
import type { RecordMap } from '../../shared/document/records.ts';
import { startBridge } from '../../tests/support/bridge.ts';
import { chromiumLaunchOptions } from '../../tests/support/chromium.ts';
import { median, ms, percentile } from '../app/stats.ts';

const STROKES = 60;

/** Strokes with synthetic pointer events; per stroke, pointerup → saveSession answered. */
async function strokeToDisk(page: Page, strokes: number): Promise<number[]> {
  return page.evaluate(async (count) => {
    performance.setResourceTimingBufferSize(100_000);
    const host = document.querySelector<HTMLElement>('[data-testid="canvas"]')!;
    const box = host.getBoundingClientRect();
    const fire = (type: string, x: number, y: number, buttons: number) =>
      host.dispatchEvent(new PointerEvent(type, { clientX: x, clientY: y, pointerId: 1, button: 0, buttons, bubbles: true, pointerType: 'mouse', isPrimary: true }));
    const savedAfter = (t0: number) =>
      new Promise<number>((resolve) => {
        const found = () => {
          const entry = performance
            .getEntriesByType('resource')
            .find((e) => e.name.includes('/rpc/saveSession') && e.startTime >= t0 && (e as PerformanceResourceTiming).responseEnd > 0) as PerformanceResourceTiming | undefined;
          if (entry) resolve(entry.responseEnd - t0);
          return entry !== undefined;
        };
        if (found()) return;
        const observer = new PerformanceObserver(() => {
          if (found()) observer.disconnect();
        });
        observer.observe({ type: 'resource' });
      });
    const samples: number[] = [];
    for (let i = 0; i < count; i++) {
      const y = box.top + box.height * (0.2 + (0.6 * i) / count);
      fire('pointerdown', box.left + box.width * 0.3, y, 1);
      for (let step = 1; step <= 20; step++) fire('pointermove', box.left + box.width * (0.3 + step * 0.02), y, 1);
      const t0 = performance.now();
      fire('pointerup', box.left + box.width * 0.7, y, 0);
      samples.push(await savedAfter(t0));
      performance.clearResourceTimings();
    }
    return samples;
  }, strokes);
}

/** The floor: append a line of `bytes` to a file and sync it, from Node, on the same disk. */
async function bareAppend(dir: string, bytes: number, times: number): Promise<number[]> {
  const line = `${'x'.repeat(bytes - 1)}\n`;
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    const handle = await open(join(dir, 'baseline.log'), 'a', 0o600);
    await handle.appendFile(line);
    await handle.datasync();
    await handle.close();
    samples.push(performance.now() - t0);
  }
  return samples;
}

async function longSession(): Promise<{ foldMs: number; loadMs: number; snapshotBytes: number; appendMs: number[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'infill-bench-session-'));
  try {
    const photo: RecordMap = {
      document: { typeName: 'document', id: 'document', name: 'photo.jpg', canvas: { x: 0, y: 0, width: 6000, height: 4000 }, order: ['layer-1'] },
      'layer-1': { typeName: 'layer', id: 'layer-1', kind: 'image', name: 'photo.jpg', assetId: 'a'.repeat(32), x: 0, y: 0, width: 6000, height: 4000, visible: true, opacity: 1 },
    };
    // Folding only when asked, so each save below is an append and the fold is timed alone.
    const store = createSessionStore(dir, { foldAfterEntries: 1_000_000, foldAfterBytes: 1 << 30 });
    await store.save([{ type: 'replace', records: photo }]);
    const appendMs: number[] = [];
    for (let n = 1; n <= 200; n++) {
      const points = Array.from({ length: 2000 }, (_, i) => Math.round(1000 + 2000 * Math.sin(i / 50 + n)));
      const record = { typeName: 'mask-op' as const, id: `mask-${n}`, seq: n, op: { kind: 'stroke' as const, mode: 'paint' as const, size: 40, hardness: 0.7, points } };
      const entry: JournalEntry = { type: 'commit', label: 'Paint mask', diff: { added: { [record.id]: record }, updated: {}, removed: {} }, mode: 'record', markId: `m-${n}` };
      const t0 = performance.now();
      await store.save([entry]);
      appendMs.push(performance.now() - t0);
    }
    // A new document forces a fold of everything so far.
    const history = (await createSessionStore(dir).load()).session!.history;
    const t0 = performance.now();
    await store.save([{ type: 'replace', records: photo, history }]);
    const foldMs = performance.now() - t0;
    const t1 = performance.now();
    await createSessionStore(dir).load();
    const loadMs = performance.now() - t1;
    const names = await readdir(join(dir, 'session'));
    const newest = names.filter((name) => name.startsWith('snapshot-')).sort().at(-1)!;
    return { foldMs, loadMs, snapshotBytes: (await stat(join(dir, 'session', newest))).size, appendMs };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function run(): Promise<string> {
  const bridge = await startBridge();
  const browser = await chromium.launch(chromiumLaunchOptions);
  let strokes: number[];
  let journalLine: number;
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // tsx keeps function names with a `__name` helper that does not exist in the page.
    await page.addInitScript('window.__name = (fn) => fn;');
    await page.goto(bridge.url);
    await page.waitForSelector('body[data-app-ready="true"]', { state: 'attached' });
    await page.getByLabel('Image file').setInputFiles(join(import.meta.dirname, '../../tests/fixtures/photos/chelsea.png'));
    await page.waitForSelector('body[data-last-drawn-asset]', { state: 'attached', timeout: 60_000 });
    strokes = await strokeToDisk(page, STROKES);
    const journals = (await readdir(join(bridge.dataDir, 'session'))).filter((name) => name.startsWith('journal-')).sort();
    const journal = await stat(join(bridge.dataDir, 'session', journals.at(-1)!));
    journalLine = Math.round(journal.size / STROKES);
    await page.goto('about:blank');
  } finally {
    await browser.close();
    await bridge.stop();
  }
  const dir = await mkdtemp(join(tmpdir(), 'infill-bench-append-'));
  const floor = await bareAppend(dir, journalLine, STROKES).finally(() => rm(dir, { recursive: true, force: true }));
  const long = await longSession();
  const p95 = percentile(strokes, 95);
  return [
    '## Autosave',
    '',
    `| ${STROKES} strokes on a 451×300 photo | p50 | p95 | max | goal |`,
    '|---|---|---|---|---|',
    `| Node: append a ${journalLine}-byte line and sync it (baseline, same run) | ${ms(median(floor))} | ${ms(percentile(floor, 95))} | ${ms(Math.max(...floor))} | |`,
    `| Infill: pointerup → the stroke synced to the log on disk (Chromium → bridge → main) | ${ms(median(strokes))} | ${ms(p95)} | ${ms(Math.max(...strokes))} | p95 ≤ 100 ms: ${p95 <= 100 ? 'met' : 'MISSED'} |`,
    '',
    '| long session: 200 strokes × 2 000 points, with their undo history | figure |',
    '|---|---|',
    `| one stroke appended and synced (session store, p50 / p95) | ${ms(median(long.appendMs))} / ${ms(percentile(long.appendMs, 95))} |`,
    `| folded into a snapshot (written atomically) | ${ms(long.foldMs)} |`,
    `| snapshot size | ${(long.snapshotBytes / 1024 / 1024).toFixed(1)} MB |`,
    `| loaded and checked with zod at start-up | ${ms(long.loadMs)} |`,
  ].join('\n');
}

console.log(await run());
