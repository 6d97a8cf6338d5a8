import { join } from 'node:path';
import { startBridge } from '../../support/bridge.ts';
import { expect, test } from '../support/fixtures.ts';
import { layerRows, openPhoto, paintStroke, photos, waitForImageOnScreen } from '../support/canvas.ts';

test('the document survives a reload and a restart of the main process: layers, mask and all', async ({ app: page, bridge }, testInfo) => {
  await openPhoto(page, join(photos, 'coffee.jpg'));
  await waitForImageOnScreen(page);
  await paintStroke(page, [
    [100, 100],
    [200, 120],
  ]);
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(layerRows(page)).toHaveCount(2);
  await paintStroke(page, [
    [400, 300],
    [450, 320],
  ]);
  await expect(page.getByRole('button', { name: 'Clear mask' })).toBeEnabled();
  await page.waitForTimeout(1500); // autosave runs shortly after the last change

  // As if the window crashed: a fresh page load.
  await page.reload();
  await expect(page.getByText('Restored “coffee.jpg” as you left it')).toBeVisible();
  await expect(layerRows(page)).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'Clear mask' })).toBeEnabled();
  await page.screenshot({ path: testInfo.outputPath('restored.png') });

  // As if the whole app was killed and started again on the same data folder. (The page leaves
  // first, so its event stream does not log refused reconnections to the stopped bridge.)
  await page.goto('about:blank');
  await bridge.stop({ keepData: true });
  const again = await startBridge({}, { dataDir: bridge.dataDir });
  try {
    await page.goto(again.url);
    await expect(layerRows(page)).toHaveCount(2);
    await waitForImageOnScreen(page);
    await expect(layerRows(page).first()).toHaveAttribute('data-layer-kind', 'generated');
  } finally {
    await page.goto('about:blank');
    await again.stop();
  }
});

test('an edit made just before the window closes is not lost', async ({ app: page }) => {
  await openPhoto(page, join(photos, 'chelsea.png'));
  await waitForImageOnScreen(page);
  await page.waitForTimeout(1500); // the opened photo is saved
  await paintStroke(page, [
    [100, 100],
    [200, 120],
  ]);
  // No wait: the reload comes well inside the autosave delay, so only the flush on close saves it.
  await page.reload();
  await expect(layerRows(page)).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Clear mask' })).toBeEnabled();
});
