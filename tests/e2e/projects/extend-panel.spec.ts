import { join } from 'node:path';
import { expect, test } from '../support/fixtures.ts';
import { documentToPage, exportImage, openPhoto, photos, waitForImageOnScreen } from '../support/canvas.ts';
import { decode } from '../support/pixels.ts';

test('extend a 3:2 photo to 4:5 gives exactly the promised size; crop to 1:1; drag a corner with the ratio locked; all undoable', async ({ app: page }, testInfo) => {
  await openPhoto(page, join(photos, 'coffee.jpg'));
  await waitForImageOnScreen(page);
  await page.keyboard.press('x');
  const panel = page.getByRole('region', { name: 'Extend and crop' });
  await panel.getByLabel('Aspect ratio').selectOption('4:5');
  await panel.getByRole('button', { name: 'Anchor column 2, row 1' }).click();
  await expect(panel.getByTestId('extend-result')).toHaveText('Result: 600 × 750 px (0.5 MP)');
  await page.screenshot({ path: testInfo.outputPath('1-panel.png') });
  await panel.getByRole('button', { name: 'Extend canvas' }).click();
  const extended = await decode(await exportImage(page));
  expect([extended.width, extended.height]).toEqual([600, 750]);
  // Anchored at the top: the photo stays at the top, the new strip is below.
  const photo = await decode(join(photos, 'coffee.jpg'));
  expect(extended.data.subarray(0, 600 * 4 * 100)).toEqual(photo.data.subarray(0, 600 * 4 * 100));
  await expect(page.getByRole('button', { name: 'Clear mask' })).toBeEnabled();
  await page.screenshot({ path: testInfo.outputPath('2-extended.png') });
  await page.keyboard.press('Control+z');

  // Crop to 1:1 around the centre.
  await panel.getByLabel('Crop').check();
  await panel.getByLabel('Aspect ratio').selectOption('1:1');
  await panel.getByRole('button', { name: 'Anchor column 2, row 2' }).click();
  await expect(panel.getByTestId('extend-result')).toHaveText('Result: 400 × 400 px (0.2 MP)');
  await panel.getByRole('button', { name: 'Crop canvas' }).click();
  const cropped = await decode(await exportImage(page));
  expect([cropped.width, cropped.height]).toEqual([400, 400]);
  expect(cropped.data.subarray(0, 4)).toEqual(photo.data.subarray(100 * 4, 100 * 4 + 4));
  await page.keyboard.press('Control+z');

  // Per-side pixels with a custom overlap band.
  await panel.getByLabel('Extend', { exact: true }).check();
  await panel.getByLabel('Aspect ratio').selectOption('free');
  await panel.getByLabel('Left (px)').fill('50');
  await panel.getByLabel('Overlap band (px)').fill('8');
  await expect(panel.getByTestId('extend-result')).toHaveText('Result: 650 × 400 px (0.3 MP)');
  await panel.getByRole('button', { name: 'Extend canvas' }).click();
  expect((await decode(await exportImage(page))).width).toBe(650);
  await page.keyboard.press('Control+z');

  // Dragging the right-hand side with "lock ratio": the height follows, keeping 3:2.
  await panel.getByLabel('Lock ratio while dragging (or hold Shift)').check();
  const from = await documentToPage(page, 600, 200);
  const to = await documentToPage(page, 750, 200);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 6 });
  await page.mouse.up();
  const dragged = await decode(await exportImage(page));
  expect(dragged.width / dragged.height).toBeCloseTo(1.5, 2);
  expect(dragged.width).toBeGreaterThan(700);
});
