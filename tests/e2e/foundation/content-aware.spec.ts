import { join } from 'node:path';
import { expect, test } from '../support/fixtures.ts';
import { exportImage, layerRows, openPhoto, paintStroke, photos, waitForImageOnScreen } from '../support/canvas.ts';
import { compareAroundPath, decode } from '../support/pixels.ts';

const photo = join(photos, 'chelsea.png');
/** A thick stroke over the cat's cheek, in document pixels (the photo is 451×300). */
const path: Array<[number, number]> = [
  [300, 150],
  [340, 190],
];

test('the automatic choice estimates and runs content-aware fill for a large hole', async ({ app: page }, testInfo) => {
  await openPhoto(page, photo);
  await expect(layerRows(page)).toHaveCount(1);
  await waitForImageOnScreen(page);
  await expect(page.getByLabel('Provider')).toHaveValue('offline-auto');

  await page.getByLabel('Brush size', { exact: true }).fill('50');
  await paintStroke(page, path);
  await expect(page.getByLabel('Estimate')).toContainText('Content-aware fill of');

  // A thin scratch is left to smooth fill.
  await page.keyboard.press('Control+z');
  await page.getByLabel('Brush size', { exact: true }).fill('6');
  await paintStroke(page, [
    [50, 50],
    [150, 60],
  ]);
  await expect(page.getByLabel('Estimate')).toContainText('Smooth fill of');
  await page.keyboard.press('Control+z');

  await page.getByLabel('Brush size', { exact: true }).fill('50');
  await paintStroke(page, path);
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(layerRows(page)).toHaveCount(2);
  await page.screenshot({ path: testInfo.outputPath('content-aware.png') });

  const filled = await decode(await exportImage(page));
  const result = compareAroundPath(await decode(photo), filled, path, 25 + 3, 12);
  expect(result.changedOutside, 'pixels changed outside the mask').toBe(0);
  expect(result.changedInside / result.inside).toBeGreaterThan(0.5);
});

test('content-aware variations use different seeds and are picked like a gateway’s', async ({ app: page }) => {
  await openPhoto(page, photo);
  await waitForImageOnScreen(page);
  await page.getByLabel('Provider').selectOption('offline-content-aware');
  await page.getByLabel('Variations').fill('2');
  await page.getByLabel('Seed').fill('42');
  await page.getByLabel('Brush size', { exact: true }).fill('50');
  await paintStroke(page, path);
  await page.getByRole('button', { name: 'Generate' }).click();

  const tray = page.getByRole('region', { name: 'Variations' });
  await expect(tray.getByText('seed 42')).toBeVisible();
  await expect(tray.getByText('seed 43')).toBeVisible();
  await tray.getByRole('button', { name: 'Add Variation 2 as a layer' }).click();
  await expect(layerRows(page)).toHaveCount(2);

  // Smooth fill is deterministic: it offers neither seed nor variations.
  await page.getByLabel('Provider').selectOption('offline-smooth');
  await expect(page.getByRole('spinbutton', { name: 'Variations' })).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Seed' })).toHaveCount(0);
});
