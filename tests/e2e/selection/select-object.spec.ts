import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.ts';
import { exportImage, layerRows, openPhoto, photos, waitForImageOnScreen } from '../support/canvas.ts';
import { decode, type Pixels } from '../support/pixels.ts';
import { clickDocument, dragDocument, maskArea, maskAt, savedMask } from './support.ts';

const photo = join(photos, 'coffee.jpg');
const candidateArea = async (page: Page) => Number(await page.locator('body').getAttribute('data-object-candidate-area'));

/** Pixels within `radius` (a square, so a superset of the disc) of the mask. */
function near(mask: Pixels, radius: number): Uint8Array {
  const { width, height } = mask;
  const rows = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (mask.data[(y * width + x) * 4]! === 0) continue;
      for (let dx = Math.max(0, x - radius); dx <= Math.min(width - 1, x + radius); dx++) rows[y * width + dx] = 1;
    }
  }
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!rows[y * width + x]) continue;
      for (let dy = Math.max(0, y - radius); dy <= Math.min(height - 1, y + radius); dy++) out[dy * width + x] = 1;
    }
  }
  return out;
}

test('select object: click, Alt-click, Enter commits (grown), undo/redo, then Generate removes it offline', async ({ app: page }, testInfo) => {
  test.setTimeout(120_000);
  await openPhoto(page, photo);
  await waitForImageOnScreen(page);
  await page.keyboard.press('w');
  await expect(page.getByRole('button', { name: 'Select object' })).toHaveAttribute('aria-pressed', 'true');

  // A click before the analysis is done waits for it rather than being lost.
  await clickDocument(page, 300, 200);
  await expect(page.locator('body[data-object-candidate]')).toBeAttached({ timeout: 60_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Click an object' })).toBeVisible();
  const whole = await candidateArea(page);
  expect(whole, 'cup and saucer').toBeGreaterThan(40_000);
  await page.screenshot({ path: testInfo.outputPath('1-candidate.png') });

  // Alt-click on the saucer's rim takes that part away from the same object.
  const first = await page.locator('body').getAttribute('data-object-candidate');
  await clickDocument(page, 110, 300, ['Alt']);
  await expect(page.locator('body')).not.toHaveAttribute('data-object-candidate', first!);
  const refined = await candidateArea(page);
  expect(refined).toBeLessThan(whole * 0.9);
  await page.screenshot({ path: testInfo.outputPath('2-refined.png') });

  // Nothing is in the mask until Enter.
  expect(maskArea(await savedMask(page))).toBe(0);
  await page.keyboard.press('Enter');
  await expect.poll(async () => maskAt(await savedMask(page), 300, 200)).toBe(255);
  const mask = await savedMask(page);
  // Grown by 6 px: more than the candidate, and still not the whole photo.
  expect(maskArea(mask)).toBeGreaterThan(refined);
  expect(maskAt(mask, 10, 10)).toBe(0);
  await page.screenshot({ path: testInfo.outputPath('3-committed.png') });

  await page.keyboard.press('Control+z');
  await expect.poll(async () => maskArea(await savedMask(page))).toBe(0);
  await page.keyboard.press('Control+Shift+Z');
  await expect.poll(async () => maskAt(await savedMask(page), 300, 200)).toBe(255);

  // Generate offline: the object is replaced, and every pixel farther than the blend band is untouched.
  await page.getByLabel('Provider').selectOption('offline-content-aware');
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(layerRows(page)).toHaveCount(2, { timeout: 90_000 });
  const original = await decode(photo);
  const filled = await decode(await exportImage(page));
  const touched = near(mask, 34);
  let changedOutside = 0;
  let changedInside = 0;
  let inside = 0;
  for (let i = 0; i < touched.length; i++) {
    const same = [0, 1, 2].every((c) => original.data[i * 4 + c] === filled.data[i * 4 + c]);
    if (!touched[i] && !same) changedOutside++;
    if (mask.data[i * 4]! === 255) {
      inside++;
      if (!same) changedInside++;
    }
  }
  expect(changedOutside, 'pixels changed far from the object').toBe(0);
  expect(changedInside / inside, 'share of the object replaced').toBeGreaterThan(0.8);
  await page.screenshot({ path: testInfo.outputPath('4-removed.png') });
});

test('Esc drops the candidate; a drag selects the object in the box', async ({ app: page }) => {
  test.setTimeout(90_000);
  await openPhoto(page, photo);
  await waitForImageOnScreen(page);
  await page.getByRole('button', { name: 'Select object' }).click();
  await clickDocument(page, 300, 200);
  await expect(page.locator('body[data-object-candidate]')).toBeAttached({ timeout: 60_000 });
  await page.keyboard.press('Escape');
  await page.keyboard.press('Enter');
  expect(maskArea(await savedMask(page)), 'Esc dropped the candidate; Enter has nothing to commit').toBe(0);

  const before = await page.locator('body').getAttribute('data-object-candidate');
  await dragDocument(page, [430, 170], [540, 290]); // the spoon
  await expect(page.locator('body')).not.toHaveAttribute('data-object-candidate', before!);
  const area = await candidateArea(page);
  expect(area).toBeGreaterThan(500);
  expect(area).toBeLessThan(110 * 120);
});
