/**
 * Project files with a 24 MP photo and 20 generated layers:
 * - save (main packs the zip) and open (main unpacks and stores the assets), in-process,
 *   against writing the same bytes as plain files (the baseline, same run);
 * - in Chromium through the bridge: opening the project until the first layer is drawn, and
 *   Save (Mod+S) until the file is handed over;
 * - the project's size against the original photo plus the layers' PNGs;
 * - the memory of 100 edits that each add new pixels (pasted 768² layers), main and renderer
 *   together (resident memory of the bridge and every Chromium process, the page's garbage
 *   collected first), against the bytes of those pixels: with the document fitted to the
 *   window as it opens, and again at 100 %, where the layers in view are decoded at full size.
 */
import { chromium, type Page } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAssetStore } from '../../electron/services/asset-store.ts';
import { readProject } from '../../electron/projects/read-project.ts';
import { writeProject } from '../../electron/projects/write-project.ts';
import { startBridge } from '../../tests/support/bridge.ts';
import { chromiumLaunchOptions, WITHOUT_SAVE_PICKER } from '../../tests/support/chromium.ts';
import { openAndTime } from '../app/run.ts';
import { median, ms } from '../app/stats.ts';
import { buildBenchProject, LAYERS, PATCH, writePatches } from './fixture.ts';

const EDITS = 100;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

async function timed<T>(runs: number, task: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = await task();
    times.push(performance.now() - start);
  }
  return { ms: median(times), result };
}

/**
 * Resident memory of this benchmark's children and their descendants (Linux /proc): the bridge
 * (main) and the Chromium it launched, with its renderer, GPU and utility processes. Other
 * programs' Chromiums on the machine are not counted.
 */
function childrenResidentBytes(): number {
  const parentOf = new Map<number, number>();
  const rssOf = new Map<number, number>();
  for (const name of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      parentOf.set(Number(name), Number(/PPid:\s+(\d+)/.exec(status)?.[1] ?? 0));
      rssOf.set(Number(name), Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024);
    } catch {
      // The process ended while being read.
    }
  }
  const isDescendant = (pid: number): boolean => {
    for (let p = parentOf.get(pid); p !== undefined && p > 1; p = parentOf.get(p)) if (p === process.pid) return true;
    return false;
  };
  let total = 0;
  for (const [pid, rss] of rssOf) if (isDescendant(pid)) total += rss;
  return total;
}

async function pasteAll(page: Page, files: string[]): Promise<void> {
  for (const [i, file] of files.entries()) {
    const base64 = (await readFile(file)).toString('base64');
    await page.evaluate(
      ({ base64, name }) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], name, { type: 'image/png' }));
        window.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
      },
      { base64, name: `edit-${i}.png` },
    );
    await page.waitForFunction((count) => document.querySelectorAll('.layer-row').length >= count, i + 2 + LAYERS, { timeout: 60_000 });
  }
}

export async function runProjectsBench(): Promise<string> {
  const work = await mkdtemp(join(tmpdir(), 'infill-bench-projects-'));
  const lines = ['## Projects (24 MP photo + 20 generated layers)', ''];
  try {
    const store = await createAssetStore({ dir: join(work, 'assets') });
    const project = await buildBenchProject(store);
    const content = { name: 'photo.jpg', records: project.records, history: project.history };
    const save = await timed(3, () => writeProject(store, content, 'bench'));
    const bytes = save.result;
    const projectFile = join(work, 'photo.infill');
    await writeFile(projectFile, bytes);
    const baseline = await timed(3, async () => {
      await writeFile(join(work, 'baseline.jpg'), await readFile(project.photo));
      for (const [i, id] of project.patchAssetIds.entries()) await writeFile(join(work, `baseline-${i}.png`), (await store.read(id)).bytes);
    });
    const open = await timed(3, async () => readProject(await createAssetStore({ dir: await mkdtemp(join(work, 'open-')) }), bytes, 'photo.infill'));
    const parts = project.photoBytes + project.patchBytes;

    const bridge = await startBridge();
    const browser = await chromium.launch(chromiumLaunchOptions);
    let firstPaint = NaN;
    let allPainted = NaN;
    let appSave = NaN;
    let memoryRatio = NaN;
    let memoryGrowth = NaN;
    let zoomedGrowth = NaN;
    const newPixels = EDITS * PATCH * PATCH * 4;
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
      await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
      // Save is timed until the file is handed over as a download (Chromium's Save dialog
      // cannot be driven from here).
      await page.addInitScript({ content: WITHOUT_SAVE_PICKER });
      await page.goto(bridge.url);
      await page.waitForSelector('body[data-app-ready="true"]', { state: 'attached' });
      ({ first: firstPaint, all: allPainted } = await openAndTime(page, projectFile, LAYERS + 1));
      const saves: number[] = [];
      for (let i = 0; i < 3; i++) {
        const start = performance.now();
        const download = page.waitForEvent('download', { timeout: 120_000 });
        await page.keyboard.press('Control+s');
        await (await download).path();
        saves.push(performance.now() - start);
      }
      appSave = median(saves);

      const patches = await writePatches(project.photo, EDITS);
      // Memory kept, not garbage not yet collected: the page's heap is collected before each
      // reading (pasting through page.evaluate leaves ~1.6 MB of base64 strings per edit).
      const cdp = await page.context().newCDPSession(page);
      const settle = async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        await page.waitForTimeout(3000);
      };
      // Zoom shortcuts, so both readings compare like with like: the growth fitted to the
      // window against a baseline fitted, and at 100 % (every pasted layer lands in the middle,
      // in view, decoded at full size) against a baseline at 100 %.
      const zoomTo = async (shortcut: string) => {
        await page.keyboard.press(shortcut);
        await settle();
        return childrenResidentBytes();
      };
      const before = await zoomTo('Control+0');
      const beforeZoomed = await zoomTo('Control+1');
      await zoomTo('Control+0');
      await pasteAll(page, patches);
      memoryGrowth = (await zoomTo('Control+0')) - before;
      memoryRatio = memoryGrowth / newPixels;
      zoomedGrowth = (await zoomTo('Control+1')) - beforeZoomed;
    } finally {
      await browser.close();
      await bridge.stop();
    }

    const sizeRatio = bytes.length / parts;
    lines.push(
      '| step | median of 3 | baseline (same run) | goal |',
      '|---|---|---|---|',
      `| save: main packs the project (zip, thumbnail) | ${ms(save.ms)} | writing the photo and the 20 PNGs as files: ${ms(baseline.ms)} | ≤ 2 s: ${save.ms <= 2000 ? 'met' : 'MISSED'} |`,
      `| save in the app: Mod+S → file handed over (bridge, Chromium) | ${ms(appSave)} | | ≤ 2 s: ${appSave <= 2000 ? 'met' : 'MISSED'} |`,
      `| open: main unpacks and checks the project | ${ms(open.ms)} | | |`,
      `| open in the app: file chosen → first layer drawn | ${ms(firstPaint)} | | ≤ 1.5 s: ${firstPaint <= 1500 ? 'met' : 'MISSED'} |`,
      `| open in the app: file chosen → all ${LAYERS + 1} layers drawn (the photo last) | ${ms(allPainted)} | | |`,
      '',
      '| size | bytes | ratio | goal |',
      '|---|---|---|---|',
      `| original JPEG + the 20 layers' PNGs (baseline) | ${mb(parts)} | 1.00× | |`,
      `| the .infill project (with history and thumbnail) | ${mb(bytes.length)} | ${sizeRatio.toFixed(3)}× | ≤ 1.1×: ${sizeRatio <= 1.1 ? 'met' : 'MISSED'} |`,
      '',
      `| memory of ${EDITS} edits adding ${PATCH}² layers each | bytes | ratio to the new pixels | goal |`,
      '|---|---|---|---|',
      `| new pixels (RGBA, baseline) | ${mb(newPixels)} | 1.00× | |`,
      `| growth of resident memory, main + Chromium, document fitted to the window | ${mb(memoryGrowth)} | ${memoryRatio.toFixed(2)}× | ≤ 1.5×: ${memoryRatio <= 1.5 ? 'met' : 'MISSED'} |`,
      `| the same at 100 % (every new layer in view, at full size), against a baseline at 100 % | ${mb(zoomedGrowth)} | ${(zoomedGrowth / newPixels).toFixed(2)}× | |`,
      '',
      'Open in the app is timed in the page, from the file input\'s change event to the frame that draws the first layer (and the last: the photo, the largest decode), by an observer on the mark the canvas sets; the project goes up as a Blob body, which DevTools (Playwright) does not copy into its events. ' +
        'Layers are decoded at the detail the view needs (a bitmap reduced by a power of two that still gives one bitmap pixel per screen pixel), so fitted to the window the 768² layers take 192² bitmaps; at 100 % the layers in view are decoded at full size. ' +
        'What grows besides the pixels: main keeps up to 64 MB of encoded images (it checks a pasted image by shrinking it to one pixel, so no decoded copy passes through it); Chromium keeps decode buffers in its renderer and about 45 MB of network buffers in its browser process. At 100 % every one of the 100 new layers is in view at full size, which no reduction can avoid: that row is shown for the whole picture.',
    );
    console.error(`projects: save ${save.ms.toFixed(0)} ms, app save ${appSave.toFixed(0)} ms, open ${open.ms.toFixed(0)} ms, first paint ${firstPaint.toFixed(0)} ms, all drawn ${allPainted.toFixed(0)} ms, size ${sizeRatio.toFixed(3)}×, memory ${memoryRatio.toFixed(2)}× (at 100 %: ${(zoomedGrowth / newPixels).toFixed(2)}×)`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await runProjectsBench());
}
