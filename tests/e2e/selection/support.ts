import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { documentToPage } from '../support/canvas.ts';
import { decode, type Pixels } from '../support/pixels.ts';

/** Drags from one document point to another with the given modifier held. */
export async function dragDocument(page: Page, from: [number, number], to: [number, number], modifier?: 'Shift' | 'Alt'): Promise<void> {
  const a = await documentToPage(page, ...from);
  const b = await documentToPage(page, ...to);
  if (modifier) await page.keyboard.down(modifier);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 6 });
  await page.mouse.up();
  if (modifier) await page.keyboard.up(modifier);
}

/** Drags through document points (a lasso). */
export async function dragPath(page: Page, points: Array<[number, number]>, modifier?: 'Shift' | 'Alt'): Promise<void> {
  if (modifier) await page.keyboard.down(modifier);
  const first = await documentToPage(page, ...points[0]!);
  await page.mouse.move(first.x, first.y);
  await page.mouse.down();
  for (const point of points.slice(1)) {
    const p = await documentToPage(page, ...point);
    await page.mouse.move(p.x, p.y, { steps: 5 });
  }
  await page.mouse.up();
  if (modifier) await page.keyboard.up(modifier);
}

export async function clickDocument(page: Page, x: number, y: number, modifiers: Array<'Shift' | 'Alt'> = []): Promise<void> {
  const p = await documentToPage(page, x, y);
  for (const key of modifiers) await page.keyboard.down(key);
  await page.mouse.click(p.x, p.y);
  for (const key of modifiers) await page.keyboard.up(key);
}

/** Saves the mask through "Save mask" and decodes the downloaded PNG. */
export async function savedMask(page: Page): Promise<Pixels> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save mask' }).click();
  return decode(new Uint8Array(await readFile(await (await download).path())));
}

/** The grey value of a saved mask at (x, y). */
export function maskAt(mask: Pixels, x: number, y: number): number {
  return mask.data[(y * mask.width + x) * 4]!;
}

export function maskArea(mask: Pixels): number {
  let area = 0;
  for (let i = 0; i < mask.width * mask.height; i++) if (mask.data[i * 4]! >= 128) area++;
  return area;
}
