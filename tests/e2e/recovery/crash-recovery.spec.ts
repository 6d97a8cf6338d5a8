import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startBridge, type RunningBridge } from '../../support/bridge.ts';
import { layerRows, openPhoto, paintStroke, photos, waitForImageOnScreen } from '../support/canvas.ts';
import { expect, test } from '../support/fixtures.ts';

/**
 * A crash, as a person has one: the app's main process is killed (kill -9) or its newest
 * autosave is found damaged, and the app is started again on the same data folder. These use
 * the bare `page`, not the `app` fixture: a page whose bridge was killed under it rightly logs
 * connection errors.
 */
async function openApp(page: Page, bridge: RunningBridge): Promise<void> {
  await page.goto(bridge.url);
  await expect(page.locator('body[data-app-ready="true"]')).toBeAttached();
}

async function restart(page: Page, bridge: RunningBridge, signal: NodeJS.Signals): Promise<RunningBridge> {
  await bridge.stop({ keepData: true, signal });
  await page.goto('about:blank');
  const again = await startBridge({}, { dataDir: bridge.dataDir });
  await openApp(page, again);
  return again;
}

const clearMask = (page: Page) => page.getByRole('button', { name: 'Clear mask' });
const undo = (page: Page) => page.getByRole('button', { name: 'Undo' });

test('kill -9 50 ms after a stroke: after a restart the stroke is there, and Undo removes it', async ({ page, bridge }, testInfo) => {
  await openApp(page, bridge);
  await openPhoto(page, join(photos, 'chelsea.png'));
  await waitForImageOnScreen(page);
  // Long enough for any autosave to have the photo: what is at stake is the stroke alone.
  await page.waitForTimeout(1500);
  await paintStroke(page, [
    [60, 60],
    [160, 80],
  ]);
  await expect(clearMask(page)).toBeEnabled();
  await page.waitForTimeout(50);
  const again = await restart(page, bridge, 'SIGKILL');
  try {
    await waitForImageOnScreen(page);
    await expect(layerRows(page)).toHaveCount(1);
    await expect(clearMask(page)).toBeEnabled();
    await page.screenshot({ path: testInfo.outputPath('restored-after-kill.png') });
    // The undo history came back with the document: the stroke is its last step.
    await expect(undo(page)).toBeEnabled();
    await undo(page).click();
    await expect(clearMask(page)).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Redo' })).toBeEnabled();
  } finally {
    await page.goto('about:blank');
    await again.stop();
  }
});

test('a damaged newest autosave: after a restart the document is there, and the app says what happened', async ({ page, bridge }, testInfo) => {
  await openApp(page, bridge);
  await openPhoto(page, join(photos, 'chelsea.png'));
  await waitForImageOnScreen(page);
  await paintStroke(page, [
    [60, 60],
    [160, 80],
  ]);
  await expect(clearMask(page)).toBeEnabled();
  await page.goto('about:blank');
  await bridge.stop({ keepData: true });

  const sessionDir = join(bridge.dataDir, 'session');
  const generation = (name: string) => Number(/^snapshot-(\d+)\.jsonl$/.exec(name)?.[1] ?? -1);
  const newest = (await readdir(sessionDir)).filter((name) => generation(name) >= 0).sort((a, b) => generation(b) - generation(a))[0];
  expect(newest, 'an autosave snapshot on disk').toBeDefined();
  const text = await readFile(join(sessionDir, newest!), 'utf8');
  await writeFile(join(sessionDir, newest!), `${text.slice(0, text.length / 3)}\u0000\u0000 garbage`);

  const again = await startBridge({}, { dataDir: bridge.dataDir });
  try {
    await openApp(page, again);
    await expect(page.getByRole('alert')).toContainText('The newest autosave of “chelsea.png” was damaged');
    await waitForImageOnScreen(page);
    await expect(layerRows(page)).toHaveCount(1);
    await expect(clearMask(page)).toBeEnabled();
    await page.screenshot({ path: testInfo.outputPath('restored-after-damage.png') });
    await undo(page).click();
    await expect(clearMask(page)).toBeDisabled();
    // The damaged file is kept aside, not deleted.
    expect((await readdir(sessionDir)).some((name) => name.startsWith(`${newest}.damaged-`))).toBe(true);
  } finally {
    await page.goto('about:blank');
    await again.stop();
  }
});
