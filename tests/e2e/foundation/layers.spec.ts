import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.ts';
import { exportImage, layerRows, photos, waitForImageOnScreen } from '../support/canvas.ts';
import { decode } from '../support/pixels.ts';

async function exportPixels(page: Page) {
  return decode(await exportImage(page));
}

/** Drops a file on the canvas the way a file manager does. */
async function dropFile(page: Page, path: string, type: string) {
  const bytes = [...(await readFile(path))];
  await page.getByTestId('canvas').evaluate(
    (element, { bytes, name, type }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], name, { type }));
      element.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    { bytes, name: path.split('/').pop()!, type },
  );
}

async function pasteFile(page: Page, path: string, type: string) {
  const bytes = [...(await readFile(path))];
  await page.evaluate(
    ({ bytes, type }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], 'clipboard.png', { type }));
      window.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    },
    { bytes, type },
  );
}

test('drop opens a photo, paste adds a layer, and every layer change is undoable', async ({ app: page }, testInfo) => {
  await dropFile(page, join(photos, 'coffee.jpg'), 'image/jpeg');
  await expect(layerRows(page)).toHaveCount(1);
  await waitForImageOnScreen(page);
  const original = await exportPixels(page);

  await pasteFile(page, join(photos, 'chelsea.png'), 'image/png');
  await expect(layerRows(page)).toHaveCount(2);
  await expect(layerRows(page).first()).toContainText('clipboard.png');
  const withCat = await exportPixels(page);
  expect(Buffer.from(withCat.data).equals(Buffer.from(original.data))).toBe(false);
  await page.screenshot({ path: testInfo.outputPath('two-layers.png') });

  const layers = page.getByRole('region', { name: 'Layers' });
  await layers.getByLabel('Show clipboard.png').uncheck();
  expect(Buffer.from((await exportPixels(page)).data).equals(Buffer.from(original.data)), 'a hidden layer is not exported').toBe(true);
  await page.keyboard.press('Control+z');
  await expect(layers.getByLabel('Show clipboard.png')).toBeChecked();

  await layers.getByLabel('Opacity of clipboard.png').fill('0');
  expect(Buffer.from((await exportPixels(page)).data).equals(Buffer.from(original.data)), 'opacity 0 shows the layer below exactly').toBe(true);
  await page.keyboard.press('Control+z');
  await expect(layers.getByLabel('Opacity of clipboard.png')).toHaveValue('100');

  await layers.getByRole('button', { name: 'Move clipboard.png down' }).click();
  await expect(layerRows(page).first()).toContainText('coffee.jpg');
  expect(Buffer.from((await exportPixels(page)).data).equals(Buffer.from(original.data)), 'the cat is now hidden under the full-size photo').toBe(true);
  await page.keyboard.press('Control+y');
  await page.keyboard.press('Control+z');
  await expect(layerRows(page).first()).toContainText('clipboard.png');

  await layers.getByRole('button', { name: 'Delete clipboard.png' }).click();
  await expect(layerRows(page)).toHaveCount(1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(layerRows(page)).toHaveCount(2);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(layerRows(page)).toHaveCount(1);
});
