import { join } from 'node:path';
import { expect, test } from '../support/fixtures.ts';
import { documentToPage, openPhoto, photos, waitForImageOnScreen } from '../support/canvas.ts';
import { clickDocument, dragDocument, dragPath, maskAt, savedMask } from './support.ts';

test('rectangle, ellipse (Shift adds) and lasso (Alt subtracts) give the expected pixels in the saved mask', async ({ app: page }, testInfo) => {
  await openPhoto(page, join(photos, 'coffee.jpg'));
  await waitForImageOnScreen(page);

  await page.keyboard.press('m');
  await expect(page.getByRole('button', { name: 'Rectangle select' })).toHaveAttribute('aria-pressed', 'true');
  await dragDocument(page, [100, 100], [200, 180]);
  await page.getByRole('button', { name: 'Ellipse select' }).click();
  await dragDocument(page, [300, 100], [400, 200], 'Shift');
  await page.keyboard.press('l');
  await dragPath(page, [
    [110, 110],
    [150, 110],
    [150, 150],
    [110, 150],
  ], 'Alt');
  await page.screenshot({ path: testInfo.outputPath('shapes.png') });

  const mask = await savedMask(page);
  expect([mask.width, mask.height]).toEqual([600, 400]);
  expect(maskAt(mask, 190, 170), 'inside the rectangle').toBe(255);
  expect(maskAt(mask, 99, 140), 'left of the rectangle').toBe(0);
  expect(maskAt(mask, 201, 140), 'right of the rectangle').toBe(0);
  expect(maskAt(mask, 350, 150), 'the ellipse was added').toBe(255);
  expect(maskAt(mask, 305, 105), 'outside the ellipse, inside its box').toBe(0);
  expect(maskAt(mask, 130, 130), 'the lasso took this out').toBe(0);
  expect(maskAt(mask, 170, 130), 'beside the lasso, still selected').toBe(255);

  // A plain rectangle replaces the selection; undo brings the previous one back.
  await page.keyboard.press('m');
  await dragDocument(page, [400, 300], [450, 350]);
  const replaced = await savedMask(page);
  expect(maskAt(replaced, 190, 170)).toBe(0);
  expect(maskAt(replaced, 425, 325)).toBe(255);
  await page.keyboard.press('Control+z');
  const undone = await savedMask(page);
  expect(maskAt(undone, 190, 170)).toBe(255);
  expect(maskAt(undone, 425, 325)).toBe(0);

  // Esc cancels a rectangle in progress.
  const from = await documentToPage(page, 20, 20);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 50, from.y + 50, { steps: 4 });
  await page.keyboard.press('Escape');
  await page.mouse.up();
  expect(maskAt(await savedMask(page), 40, 40)).toBe(0);
});

test('polygon lasso closes on Enter; grow and feather preview, then apply as one undo step', async ({ app: page }, testInfo) => {
  await openPhoto(page, join(photos, 'coffee.jpg'));
  await waitForImageOnScreen(page);
  await page.getByRole('button', { name: 'Polygon lasso' }).click();
  await clickDocument(page, 200, 100);
  await clickDocument(page, 300, 100);
  await clickDocument(page, 300, 200);
  await clickDocument(page, 200, 200);
  await page.keyboard.press('Enter');
  let mask = await savedMask(page);
  expect(maskAt(mask, 250, 150)).toBe(255);
  expect(maskAt(mask, 195, 150)).toBe(0);

  await page.getByRole('button', { name: 'Grow mask' }).click();
  await page.getByLabel('Amount', { exact: true }).fill('10');
  await expect(page.locator('body[data-adjust-preview="grow:10"]')).toBeAttached();
  await page.screenshot({ path: testInfo.outputPath('grow-preview.png') });
  // The preview changes nothing until Apply.
  expect(maskAt(await savedMask(page), 195, 150)).toBe(0);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect.poll(async () => maskAt(await savedMask(page), 195, 150)).toBe(255);
  mask = await savedMask(page);
  expect(maskAt(mask, 191, 150)).toBe(255);
  expect(maskAt(mask, 188, 150)).toBe(0);

  await page.getByRole('button', { name: 'Feather mask' }).click();
  await page.getByLabel('Amount', { exact: true }).fill('8');
  await expect(page.locator('body[data-adjust-preview="feather:8"]')).toBeAttached();
  await page.screenshot({ path: testInfo.outputPath('feather-preview.png') });
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect.poll(async () => maskAt(await savedMask(page), 190, 150)).toBeGreaterThan(0);
  mask = await savedMask(page);
  const edge = maskAt(mask, 190, 150);
  expect(edge, 'the edge is soft after feathering').toBeLessThan(255);
  expect(maskAt(mask, 250, 150)).toBe(255);
  await page.screenshot({ path: testInfo.outputPath('feathered.png') });

  await page.keyboard.press('Control+z');
  await expect.poll(async () => maskAt(await savedMask(page), 190, 150)).toBe(255);
});
