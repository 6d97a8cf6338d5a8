import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../support/fixtures.ts';
import { layerRows, openPhoto, photos, waitForImageOnScreen } from '../support/canvas.ts';

test('a damaged or foreign file gets its own message and changes nothing', async ({ app: page }, testInfo) => {
  const jpeg = await readFile(join(photos, 'coffee.jpg'));
  const truncated = testInfo.outputPath('truncated.jpg');
  await writeFile(truncated, jpeg.subarray(0, Math.floor(jpeg.length / 2)));
  const text = testInfo.outputPath('notes.png');
  await writeFile(text, 'these are my notes, not a picture');
  const empty = testInfo.outputPath('empty.png');
  await writeFile(empty, '');

  await openPhoto(page, truncated);
  await expect(page.getByRole('alert')).toContainText('“truncated.jpg” is damaged or incomplete');
  await expect(layerRows(page)).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('corrupt-message.png') });
  await page.getByRole('button', { name: 'Dismiss' }).click();

  await openPhoto(page, join(photos, 'chelsea.png'));
  await expect(layerRows(page)).toHaveCount(1);
  await waitForImageOnScreen(page);

  await openPhoto(page, text);
  await expect(page.getByRole('alert')).toContainText('“notes.png” is not an image Infill can read');
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await openPhoto(page, empty);
  await expect(page.getByRole('alert')).toContainText('“empty.png” is empty');

  // The open document is untouched by the refused files.
  await expect(layerRows(page)).toHaveCount(1);
  await expect(layerRows(page).first()).toContainText('chelsea.png');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});
