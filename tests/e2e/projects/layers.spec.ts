import { readPsd } from 'ag-psd';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.ts';
import { layerRows, openPhoto, photos, waitForImageOnScreen } from '../support/canvas.ts';
import { exportWith } from './export-helpers.ts';

async function pasteFile(page: Page, path: string, name: string) {
  const bytes = [...(await readFile(path))];
  await page.evaluate(
    ({ bytes, name }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], name, { type: 'image/png' }));
      window.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    },
    { bytes, name },
  );
}

/** The layers as a PSD export reads back: [name, left, top, hidden], bottom first. */
async function psdLayers(page: Page): Promise<Array<[string | undefined, number, number]>> {
  const { bytes } = await exportWith(page, (dialog) => dialog.getByLabel('Format').selectOption('psd'));
  const psd = readPsd(bytes, { skipLayerImageData: true, skipCompositeImageData: true, skipThumbnail: true });
  return (psd.children ?? []).map((layer) => [layer.name, layer.left ?? 0, layer.top ?? 0]);
}

test('layers: move with the Move tool and arrows, rename, duplicate, reorder by dragging, merge down, flatten; each undoable', async ({ app: page }, testInfo) => {
  await openPhoto(page, join(photos, 'coffee.jpg'));
  await waitForImageOnScreen(page);
  await pasteFile(page, join(photos, 'chelsea.png'), 'cat.png');
  await expect(layerRows(page)).toHaveCount(2);
  const panel = page.getByRole('region', { name: 'Layers' });
  const catRow = panel.getByRole('listitem', { name: 'Layer cat.png' });
  const [, catLeft, catTop] = (await psdLayers(page))[1]!;

  // Move tool: arrows nudge the selected layer 1 px, with Shift 10 px; one undo per nudge.
  await catRow.locator('.layer-name').click();
  await expect(catRow).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('v');
  await expect(page.getByRole('button', { name: 'Move layer' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  expect((await psdLayers(page))[1]).toEqual(['cat.png', catLeft + 2, catTop + 10]);
  await page.keyboard.press('Control+z');
  expect((await psdLayers(page))[1]).toEqual(['cat.png', catLeft + 2, catTop]);

  // Rename by double-click.
  await catRow.locator('.layer-name').dblclick();
  await panel.getByLabel('Name of cat.png').fill('Cat');
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('listitem', { name: 'Layer Cat' })).toBeVisible();

  // Duplicate (Mod+J) lands right above, selected.
  await page.keyboard.press('Control+j');
  await expect(layerRows(page)).toHaveCount(3);
  expect((await psdLayers(page)).map((l) => l[0])).toEqual(['coffee.jpg', 'Cat', 'Cat copy']);

  // Drag the copy to the bottom of the stack.
  await panel.getByRole('listitem', { name: 'Layer Cat copy' }).dragTo(panel.getByRole('listitem', { name: 'Layer coffee.jpg' }));
  expect((await psdLayers(page)).map((l) => l[0])).toEqual(['Cat copy', 'coffee.jpg', 'Cat']);
  await page.keyboard.press('Control+z');
  expect((await psdLayers(page)).map((l) => l[0])).toEqual(['coffee.jpg', 'Cat', 'Cat copy']);
  await page.screenshot({ path: testInfo.outputPath('1-three-layers.png') });

  // Merge the copy down into Cat, then flatten everything; undo brings the layers back.
  await panel.getByRole('listitem', { name: 'Layer Cat copy' }).locator('.layer-name').click();
  await page.getByRole('button', { name: 'Merge down' }).click();
  await expect(layerRows(page)).toHaveCount(2);
  expect((await psdLayers(page)).map((l) => l[0])).toEqual(['coffee.jpg', 'Cat']);
  await page.getByRole('button', { name: 'Flatten image' }).click();
  await expect(layerRows(page)).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(layerRows(page)).toHaveCount(3);

  // A new empty layer goes above the selection and exports as a transparent layer of canvas size.
  await page.getByRole('button', { name: 'New layer' }).click();
  await expect(layerRows(page)).toHaveCount(4);
  expect((await psdLayers(page)).map((l) => l[0])).toEqual(['coffee.jpg', 'Cat', 'Cat copy', 'Layer 4']);
  await page.screenshot({ path: testInfo.outputPath('2-new-layer.png') });
});

test('the Move tool drags a layer by whole pixels and Escape puts it back', async ({ app: page }) => {
  await openPhoto(page, join(photos, 'coffee.jpg'));
  await waitForImageOnScreen(page);
  await page.keyboard.press('v');
  const canvas = page.getByTestId('canvas');
  const box = (await canvas.boundingBox())!;
  const scale = Number(((await canvas.getAttribute('data-view')) ?? '1').split(' ')[0]);
  const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 40 * scale, start.y + 20 * scale, { steps: 5 });
  await page.mouse.up();
  expect((await psdLayers(page))[0]).toEqual(['coffee.jpg', 40, 20]);
  await page.keyboard.press('Control+z');
  expect((await psdLayers(page))[0]).toEqual(['coffee.jpg', 0, 0]);

  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 30 * scale, start.y, { steps: 3 });
  await page.keyboard.press('Escape');
  await page.mouse.up();
  expect((await psdLayers(page))[0]).toEqual(['coffee.jpg', 0, 0]);
});
