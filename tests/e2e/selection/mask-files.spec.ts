import { join } from 'node:path';
import sharp from 'sharp';
import { expect, test } from '../support/fixtures.ts';
import { openPhoto, photos, waitForImageOnScreen } from '../support/canvas.ts';
import { maskArea, maskAt, savedMask } from './support.ts';

test('load a mask of another size (scaled, with a notice), select all, deselect, and edit the exclusion', async ({ app: page }, testInfo) => {
  await openPhoto(page, join(photos, 'coffee.jpg'));
  await waitForImageOnScreen(page);

  // A 300×200 mask (half the photo's size) with its left half white.
  const half = new Uint8Array(300 * 200);
  for (let y = 0; y < 200; y++) half.fill(255, y * 300, y * 300 + 150);
  const file = testInfo.outputPath('half.png');
  await sharp(half, { raw: { width: 300, height: 200, channels: 1 } }).png().toFile(file);
  await page.getByLabel('Mask file').setInputFiles(file);
  await expect(page.getByText('it was scaled to the canvas (600×400)')).toBeVisible();
  await expect.poll(async () => maskAt(await savedMask(page), 100, 200)).toBe(255);
  const loaded = await savedMask(page);
  expect(maskAt(loaded, 500, 200)).toBe(0);
  expect(Math.abs(maskArea(loaded) - 300 * 400)).toBeLessThan(2000);
  await page.screenshot({ path: testInfo.outputPath('loaded.png') });

  await page.getByRole('button', { name: 'Select all' }).click();
  await expect.poll(async () => maskArea(await savedMask(page))).toBe(600 * 400);
  await page.getByRole('button', { name: 'Deselect' }).click();
  await expect.poll(async () => maskArea(await savedMask(page))).toBe(0);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => maskArea(await savedMask(page))).toBe(600 * 400);

  // The selection tools can edit the exclusion instead: the fill mask stays as it was.
  await page.getByLabel('Selection edits').selectOption('exclude');
  await page.getByRole('button', { name: 'Mask from layer' }).click();
  await expect.poll(async () => maskArea(await savedMask(page))).toBe(600 * 400);
  await page.getByRole('button', { name: 'Deselect' }).click();
  await expect.poll(async () => maskArea(await savedMask(page))).toBe(0);
  await page.getByLabel('Selection edits').selectOption('fill');
  expect(maskArea(await savedMask(page)), 'the fill mask kept Select all').toBe(600 * 400);
});
