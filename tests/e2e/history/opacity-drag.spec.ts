import { join } from 'node:path';
import { expect, test } from '../support/fixtures.ts';
import { layerRows, openPhoto, paintStroke, photos, waitForImageOnScreen } from '../support/canvas.ts';

test('a slider drag whose pointerup never came does not take the next brush stroke with it', async ({ app: page }) => {
  await openPhoto(page, join(photos, 'chelsea.png'));
  await waitForImageOnScreen(page);
  const slider = layerRows(page).first().getByRole('slider');
  // The drag starts on the slider, moves it, and its pointerup is lost (released over another window).
  await slider.dispatchEvent('pointerdown', { pointerId: 7, button: 0, isPrimary: true });
  await slider.fill('40');
  await expect(slider).toHaveValue('40');
  await paintStroke(page, [
    [100, 100],
    [200, 120],
  ]);
  const clearMask = page.getByRole('button', { name: 'Clear mask' });
  await expect(clearMask).toBeEnabled();

  // Undo takes back the stroke alone…
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(clearMask).toBeDisabled();
  await expect(slider).toHaveValue('40');
  // …and the opacity change is a step of its own.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(slider).toHaveValue('100');
});

test('Escape during a slider drag puts the opacity back', async ({ app: page }) => {
  await openPhoto(page, join(photos, 'chelsea.png'));
  await waitForImageOnScreen(page);
  const slider = layerRows(page).first().getByRole('slider');
  await slider.focus();
  await slider.dispatchEvent('pointerdown', { pointerId: 7, button: 0, isPrimary: true });
  await slider.fill('30');
  await expect(slider).toHaveValue('30');
  await slider.press('Escape');
  await expect(slider).toHaveValue('100');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});
