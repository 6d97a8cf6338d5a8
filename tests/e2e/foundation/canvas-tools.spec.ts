import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.ts';
import { documentToPage, layerRows, openPhoto, paintStroke, photos, viewScale, waitForImageOnScreen } from '../support/canvas.ts';

const view = async (page: Page) =>
  ((await page.getByTestId('canvas').getAttribute('data-view')) ?? '').split(' ').map(Number) as [number, number, number];

test('zoom, pan, brush shortcuts, clear and invert', async ({ app: page }, testInfo) => {
  await openPhoto(page, join(photos, 'astronaut.jpg'));
  await expect(layerRows(page)).toHaveCount(1);
  await waitForImageOnScreen(page);

  // Shortcuts: B/E pick the tool, [ and ] size the brush.
  await page.keyboard.press('e');
  await expect(page.getByRole('button', { name: 'Eraser' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('b');
  await expect(page.getByRole('button', { name: 'Brush' })).toHaveAttribute('aria-pressed', 'true');
  const size = page.getByLabel('Brush size value');
  await expect(size).toHaveText('40');
  await page.keyboard.press(']');
  await expect(size).toHaveText('50');
  await page.keyboard.press('[');
  await expect(size).toHaveText('40');

  // Wheel zoom keeps the point under the cursor; Fit and 100 % reset it.
  const centre = await documentToPage(page, 256, 256);
  await page.mouse.move(centre.x, centre.y);
  const before = await viewScale(page);
  await page.mouse.wheel(0, -400);
  await expect.poll(() => viewScale(page)).toBeGreaterThan(before);
  const after = await documentToPage(page, 256, 256);
  expect(Math.abs(after.x - centre.x)).toBeLessThan(2);
  await page.getByRole('button', { name: 'Actual size (100 %)' }).click();
  await expect(page.getByLabel('Zoom level')).toHaveText('100%');

  // Space-drag and the middle button pan.
  const [, x0, y0] = await view(page);
  await page.keyboard.down('Space');
  await page.mouse.move(600, 400);
  await page.mouse.down();
  await page.mouse.move(700, 450, { steps: 5 });
  await page.mouse.up();
  await page.keyboard.up('Space');
  const [, x1, y1] = await view(page);
  expect([x1 - x0, y1 - y0]).toEqual([100, 50]);
  await page.mouse.move(600, 400);
  await page.mouse.down({ button: 'middle' });
  await page.mouse.move(550, 400, { steps: 5 });
  await page.mouse.up({ button: 'middle' });
  expect((await view(page))[1]).toBe(x1 - 50);
  await expect(page.getByRole('button', { name: 'Clear mask' })).toBeDisabled(); // panning painted nothing

  await page.getByRole('button', { name: 'Fit to window' }).click();
  await paintStroke(page, [
    [100, 100],
    [200, 150],
  ]);
  await expect(page.getByRole('button', { name: 'Clear mask' })).toBeEnabled();
  await page.getByRole('button', { name: 'Invert mask' }).click();
  await page.screenshot({ path: testInfo.outputPath('inverted-mask.png') });
  await page.getByRole('button', { name: 'Clear mask' }).click();
  await expect(page.getByRole('button', { name: 'Clear mask' })).toBeDisabled();
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('button', { name: 'Clear mask' })).toBeEnabled();

  // Escape cancels a stroke in progress: nothing is recorded.
  await page.keyboard.press('Control+z'); // undo invert
  await page.keyboard.press('Control+z'); // undo the stroke
  await expect(page.getByRole('button', { name: 'Clear mask' })).toBeDisabled();
  const start = await documentToPage(page, 300, 300);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 60, start.y + 20, { steps: 4 });
  await page.keyboard.press('Escape');
  await page.mouse.up();
  await expect(page.getByRole('button', { name: 'Clear mask' })).toBeDisabled();
});
