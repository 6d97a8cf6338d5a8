import { expect, test } from '../support/fixtures.ts';
import type { Page } from '@playwright/test';
import { documentToPage, exportImage, layerRows, openPhoto, paintStroke, waitForImageOnScreen } from '../support/canvas.ts';
import { decode, distanceToPath, type Pixels } from '../support/pixels.ts';
import { whitePixels, writeHalvesPicture } from '../../support/halves-picture.ts';

/** The fill stroke: a 60 px band down the middle, across the border between the halves. */
const band: Array<[number, number]> = [
  [160, 60],
  [160, 180],
];

/** White stripe pixels in the band's hard core (the brush's soft edge keeps some of the original). */
const whiteInBand = (image: Pixels): number => whitePixels(image, (x, y) => distanceToPath(x, y, band) <= 18);

/** Whether the canvas shows the document pixel (x, y) under the exclusion's green overlay. */
async function greenTinted(page: Page, x: number, y: number): Promise<boolean> {
  const at = await documentToPage(page, x, y);
  const shot = await decode(await page.screenshot({ clip: { x: Math.round(at.x), y: Math.round(at.y), width: 1, height: 1 } }));
  const [r, g] = [shot.data[0]!, shot.data[1]!];
  return g - r > 40;
}

test('content-aware fill never copies from the area excluded from sampling', async ({ app: page }, testInfo) => {
  const file = testInfo.outputPath('halves.png');
  await writeHalvesPicture(file, 320, 240);
  await openPhoto(page, file);
  await waitForImageOnScreen(page);
  await page.getByLabel('Provider').selectOption('offline-content-aware');
  await page.getByLabel('Seed').fill('5');
  await page.getByLabel('Brush size', { exact: true }).fill('60');
  await paintStroke(page, band);

  // Exclude the whole striped half (the part inside the band is being filled anyway).
  await page.getByRole('button', { name: 'Exclude from sampling' }).click();
  await expect(page.getByTestId('canvas')).toHaveAttribute('data-tool', 'exclude');
  await page.getByLabel('Brush size', { exact: true }).fill('120');
  await paintStroke(page, [
    [215, 0],
    [215, 240],
  ]);
  await paintStroke(page, [
    [290, 0],
    [290, 240],
  ]);
  await page.screenshot({ path: testInfo.outputPath('exclusion-painted.png') });

  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(layerRows(page)).toHaveCount(2);
  // The fill mask is used up; the exclusion stays for the next fill.
  await expect(page.getByRole('button', { name: 'Clear mask' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Clear exclusion' })).toBeEnabled();
  await page.screenshot({ path: testInfo.outputPath('filled-with-exclusion.png') });
  expect(whiteInBand(await decode(await exportImage(page)))).toBe(0);

  // The green overlay shows only while the provider reads the exclusion.
  expect(await greenTinted(page, 290, 120)).toBe(true);
  await page.getByLabel('Provider').selectOption('offline-smooth');
  await expect.poll(() => greenTinted(page, 290, 120)).toBe(false);
  await page.getByLabel('Provider').selectOption('offline-content-aware');
  await expect.poll(() => greenTinted(page, 290, 120)).toBe(true);

  // Undo the fill (the mask comes back), drop the exclusion, fill again: now stripes come in.
  await page.keyboard.press('Control+z');
  await expect(layerRows(page)).toHaveCount(1);
  await page.getByRole('button', { name: 'Clear exclusion' }).click();
  await expect(page.getByRole('button', { name: 'Clear exclusion' })).toBeDisabled();
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(layerRows(page)).toHaveCount(2);
  await page.screenshot({ path: testInfo.outputPath('filled-without-exclusion.png') });
  expect(whiteInBand(await decode(await exportImage(page)))).toBeGreaterThan(200);

  // A gateway cannot use an exclusion: the brush is offered only for content-aware fill.
  await page.getByLabel('Provider').selectOption('offline-smooth');
  await expect(page.getByRole('button', { name: 'Exclude from sampling' })).toBeDisabled();
  await expect(page.getByTestId('canvas')).toHaveAttribute('data-tool', 'brush');
});
