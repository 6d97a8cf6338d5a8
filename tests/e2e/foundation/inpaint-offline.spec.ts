import { join } from 'node:path';
import { expect, test } from '../support/fixtures.ts';
import { exportImage, layerRows, openPhoto, paintStroke, photos, viewScale, waitForImageOnScreen } from '../support/canvas.ts';
import { compareAroundPath, decode } from '../support/pixels.ts';

const photo = join(photos, 'coffee.jpg');
/** A stroke across the cup's rim, in document pixels (the photo is 600×400). */
const path: Array<[number, number]> = [
  [220, 150],
  [300, 170],
  [380, 160],
];

test('open a photo, paint a mask, fill it offline, undo, redo and export', async ({ app: page }, testInfo) => {
  await openPhoto(page, photo);
  await expect(layerRows(page)).toHaveCount(1);
  await waitForImageOnScreen(page);
  await expect(page.getByLabel('Provider')).toHaveValue('offline-auto');
  await page.getByLabel('Provider').selectOption('offline-smooth');

  await page.getByLabel('Brush size', { exact: true }).fill('30');
  await paintStroke(page, path);
  await expect(page.getByRole('button', { name: 'Clear mask' })).toBeEnabled();
  await page.screenshot({ path: testInfo.outputPath('1-masked.png') });

  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(layerRows(page)).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'Clear mask' })).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath('2-filled.png') });

  const original = await decode(photo);
  const filled = await decode(await exportImage(page));
  expect([filled.width, filled.height]).toEqual([600, 400]);
  // The brush is 30 px across with a soft edge; beyond its radius nothing may change.
  const scale = await viewScale(page);
  const result = compareAroundPath(original, filled, path, 15 + 2 / scale + 1, 6);
  expect(result.changedOutside, 'pixels changed outside the mask').toBe(0);
  expect(result.changedInside / result.inside, 'share of the stroke centre that changed').toBeGreaterThan(0.5);

  await page.keyboard.press('Control+z');
  await expect(layerRows(page)).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Clear mask' })).toBeEnabled();
  const undone = await decode(await exportImage(page));
  expect(Buffer.from(undone.data).equals(Buffer.from(original.data)), 'undo restores the original pixels').toBe(true);
  await page.screenshot({ path: testInfo.outputPath('3-undone.png') });

  await page.keyboard.press('Control+Shift+Z');
  await expect(layerRows(page)).toHaveCount(2);
  const redone = await decode(await exportImage(page));
  expect(Buffer.from(redone.data).equals(Buffer.from(filled.data)), 'redo brings the fill back').toBe(true);
});
