import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const photos = join(import.meta.dirname, '../../fixtures/photos');

export async function openPhoto(page: Page, file: string): Promise<void> {
  // By its id, not its label: the label is in the page's language.
  await page.locator('#open-image-input').setInputFiles(file);
}

export function layerRows(page: Page): Locator {
  return page.getByRole('region', { name: 'Layers' }).getByRole('listitem');
}

/** Document pixel → page pixel, from the view transform the canvas publishes. */
export async function documentToPage(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const canvas = page.getByTestId('canvas');
  const [scale, offsetX, offsetY] = ((await canvas.getAttribute('data-view')) ?? '1 0 0').split(' ').map(Number) as [number, number, number];
  const box = (await canvas.boundingBox())!;
  return { x: box.x + offsetX + x * scale, y: box.y + offsetY + y * scale };
}

export async function viewScale(page: Page): Promise<number> {
  return Number(((await page.getByTestId('canvas').getAttribute('data-view')) ?? '1').split(' ')[0]);
}

/** Drags the brush through document points. */
export async function paintStroke(page: Page, points: Array<[number, number]>): Promise<void> {
  const [first, ...rest] = points;
  if (!first) return;
  const start = await documentToPage(page, ...first);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (const point of rest) {
    const p = await documentToPage(page, ...point);
    await page.mouse.move(p.x, p.y, { steps: 8 });
  }
  await page.mouse.up();
}

export async function waitForImageOnScreen(page: Page): Promise<void> {
  await expect(page.locator('body[data-last-drawn-asset]')).toBeAttached();
}

/** Exports the document through the Export dialog and returns the downloaded file's bytes. */
export async function exportImage(page: Page, format: 'png' | 'jpeg' | 'webp' = 'png'): Promise<Uint8Array> {
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export image' });
  await dialog.getByLabel('Format').selectOption(format);
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save' }).click();
  const file = await (await download).path();
  await expect(dialog).toBeHidden();
  return new Uint8Array(await readFile(file));
}
