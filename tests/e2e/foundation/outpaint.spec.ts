import { join } from 'node:path';
import { expect, test } from '../support/fixtures.ts';
import { documentToPage, exportImage, layerRows, openPhoto, photos, waitForImageOnScreen } from '../support/canvas.ts';
import { decode } from '../support/pixels.ts';

test('drag the right border out, fill the new strip offline, and keep the original untouched', async ({ app: page }, testInfo) => {
  const photo = join(photos, 'coffee.jpg');
  await openPhoto(page, photo);
  await expect(layerRows(page)).toHaveCount(1);
  await waitForImageOnScreen(page);

  await page.getByRole('button', { name: 'Extend canvas' }).click();
  const from = await documentToPage(page, 600, 200);
  const to = await documentToPage(page, 720, 200);
  await page.mouse.move(from.x + 2, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 6 });
  await page.mouse.up();
  await expect(page.getByRole('button', { name: 'Clear mask' })).toBeEnabled();
  await page.getByRole('button', { name: 'Fit to window' }).click();
  await page.screenshot({ path: testInfo.outputPath('1-extended.png') });

  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(layerRows(page)).toHaveCount(2);
  await page.screenshot({ path: testInfo.outputPath('2-filled.png') });

  const result = await decode(await exportImage(page));
  const original = await decode(photo);
  const added = result.width - original.width;
  expect(added).toBeGreaterThan(100);
  expect(result.height).toBe(original.height);

  let changed = 0;
  let transparent = 0;
  for (let y = 0; y < result.height; y++) {
    for (let x = 0; x < result.width; x++) {
      const i = (y * result.width + x) * 4;
      if (x < original.width - 16) {
        const j = (y * original.width + x) * 4;
        for (let c = 0; c < 4; c++) if (result.data[i + c] !== original.data[j + c]) changed++;
      } else if (x >= original.width && result.data[i + 3] !== 255) transparent++;
    }
  }
  expect(changed, 'original pixels outside the overlap band changed').toBe(0);
  expect(transparent, 'pixels of the extension left unfilled').toBe(0);

  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(layerRows(page)).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Clear mask' })).toBeDisabled();
});
