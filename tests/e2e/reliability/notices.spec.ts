import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startBridge } from '../../support/bridge.ts';
import { expect, test } from '../support/fixtures.ts';
import { layerRows, openPhoto, photos, waitForImageOnScreen } from '../support/canvas.ts';

test('an error about a refused file goes away once a later file opens', async ({ app: page }, testInfo) => {
  const notes = testInfo.outputPath('notes.png');
  await writeFile(notes, 'these are my notes, not a picture');
  await openPhoto(page, notes);
  await expect(page.getByRole('alert')).toContainText('“notes.png” is not an image Infill can read');
  await openPhoto(page, join(photos, 'chelsea.png'));
  await expect(layerRows(page)).toHaveCount(1);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a layer whose asset is gone from disk says so in words, without “InfillError:”', async ({ app: page, bridge }, testInfo) => {
  await openPhoto(page, join(photos, 'coffee.jpg'));
  await waitForImageOnScreen(page);
  await page.waitForTimeout(1500); // autosave runs shortly after the last change
  await page.goto('about:blank');
  await bridge.stop({ keepData: true });
  // The asset files vanish (a cleanup tool, a sync conflict); the autosaved document still names them.
  const assetsDir = join(bridge.dataDir, 'assets');
  for (const name of await readdir(assetsDir)) await rm(join(assetsDir, name), { recursive: true, force: true });
  const again = await startBridge({}, { dataDir: bridge.dataDir });
  try {
    await page.goto(again.url);
    const alert = page.getByRole('alert');
    await expect(alert).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('missing-asset.png') });
    await expect(alert).not.toContainText('InfillError');
    await expect(alert).toContainText('coffee.jpg');
  } finally {
    await page.goto('about:blank');
    await again.stop();
  }
});
