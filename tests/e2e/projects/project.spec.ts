import { strFromU8, unzipSync, zipSync } from 'fflate';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startBridge } from '../../support/bridge.ts';
import { expect, test } from '../support/fixtures.ts';
import { exportImage, layerRows, openPhoto, paintStroke, photos, waitForImageOnScreen } from '../support/canvas.ts';

/** Save (Mod+S) downloads the project; returns where Playwright put it. */
async function saveProject(page: Page, path: string): Promise<string> {
  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+s');
  const file = await download;
  expect(file.suggestedFilename()).toBe('coffee.infill');
  await file.saveAs(path);
  return path;
}

/** coffee.jpg with one smooth fill across the cup's rim: two layers, the fill one undo step. */
async function openPhotoAndFill(page: Page): Promise<void> {
  await openPhoto(page, join(photos, 'coffee.jpg'));
  await waitForImageOnScreen(page);
  await page.getByLabel('Provider').selectOption('offline-smooth');
  await page.getByLabel('Brush size', { exact: true }).fill('30');
  await paintStroke(page, [
    [220, 150],
    [300, 170],
    [380, 160],
  ]);
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(layerRows(page)).toHaveCount(2);
}

test('save a project, open it in a fresh app: undo removes the fill, redo restores it, export is byte-identical', async ({ app: page, browser }, testInfo) => {
  await openPhotoAndFill(page);
  await expect(page).toHaveTitle('coffee.jpg* — Infill');
  const before = await exportImage(page);
  const projectPath = await saveProject(page, testInfo.outputPath('coffee.infill'));
  await expect(page).toHaveTitle('coffee.infill — Infill');

  // A fresh app with its own, empty data folder.
  const fresh = await startBridge();
  const second = await browser.newPage();
  try {
    await second.goto(fresh.url);
    await expect(second.locator('body[data-app-ready="true"]')).toBeAttached();
    await openPhoto(second, projectPath);
    await expect(layerRows(second)).toHaveCount(2);
    await waitForImageOnScreen(second);
    await expect(second).toHaveTitle('coffee.infill — Infill');
    await second.screenshot({ path: testInfo.outputPath('reopened.png') });

    await second.keyboard.press('Control+z');
    await expect(layerRows(second)).toHaveCount(1);
    await expect(second).toHaveTitle('coffee.infill* — Infill');
    await second.keyboard.press('Control+Shift+z');
    await expect(layerRows(second)).toHaveCount(2);
    const after = await exportImage(second);
    expect(Buffer.from(after).equals(Buffer.from(before)), 'the export after reopening equals the one before saving').toBe(true);
  } finally {
    await second.close();
    await fresh.stop();
  }
});

test('opening over unsaved work asks first: Cancel keeps it, Don’t save replaces it', async ({ app: page }) => {
  await openPhoto(page, join(photos, 'coffee.jpg'));
  await waitForImageOnScreen(page);
  await paintStroke(page, [
    [100, 100],
    [200, 120],
  ]);
  await openPhoto(page, join(photos, 'chelsea.png'));
  const question = page.getByRole('dialog', { name: 'Unsaved changes' });
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(page).toHaveTitle('coffee.jpg* — Infill');
  await expect(layerRows(page).first()).toContainText('coffee.jpg');

  await openPhoto(page, join(photos, 'chelsea.png'));
  await question.getByRole('button', { name: 'Don’t save' }).click();
  await expect(layerRows(page).first()).toContainText('chelsea.png');
  await expect(page).toHaveTitle('chelsea.png — Infill');
});

test('a damaged project opens what is readable and says what was lost; a newer one says so', async ({ app: page }, testInfo) => {
  await openPhotoAndFill(page);
  const files = unzipSync(await readFile(await saveProject(page, testInfo.outputPath('coffee.infill'))));
  const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as { version: number; assets: Array<{ file: string; mime: string }> };

  const damaged = { ...files };
  const filled = manifest.assets.find((asset) => asset.mime === 'image/png')!;
  damaged[filled.file] = damaged[filled.file]!.slice(0, 100);
  const damagedPath = testInfo.outputPath('damaged.infill');
  await writeFile(damagedPath, zipSync(damaged));
  await openPhoto(page, damagedPath);
  await expect(page.getByText(/“damaged.infill” is damaged: 1 layer could not be read and was left out \(.+\), and the undo history was lost./)).toBeVisible();
  await expect(layerRows(page)).toHaveCount(1);
  await expect(layerRows(page).first()).toContainText('coffee.jpg');

  const newer = { ...files, 'manifest.json': new TextEncoder().encode(JSON.stringify({ ...manifest, version: 9 })) };
  const newerPath = testInfo.outputPath('newer.infill');
  await writeFile(newerPath, zipSync(newer));
  await openPhoto(page, newerPath);
  await expect(page.getByText('“newer.infill” was saved by a newer Infill (project format 9; this one reads up to 1). Update Infill to open it.')).toBeVisible();
  await expect(layerRows(page)).toHaveCount(1);
});

test('Open recent lists saved projects and reopens one with its history', async ({ app: page }, testInfo) => {
  await openPhotoAndFill(page);
  await saveProject(page, testInfo.outputPath('coffee.infill'));
  await openPhoto(page, join(photos, 'chelsea.png'));
  await expect(layerRows(page).first()).toContainText('chelsea.png');

  const recent = page.getByLabel('Open recent');
  await recent.focus();
  await expect(recent.locator('option', { hasText: 'coffee.infill' })).toHaveCount(1);
  await recent.selectOption({ label: await recent.locator('option', { hasText: 'coffee.infill' }).innerText() });
  await expect(layerRows(page)).toHaveCount(2);
  await expect(page).toHaveTitle('coffee.infill — Infill');
  await page.keyboard.press('Control+z');
  await expect(layerRows(page)).toHaveCount(1);
});
