import sharp from 'sharp';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.ts';
import { documentToPage, openPhoto, viewScale, waitForImageOnScreen } from '../support/canvas.ts';

const WIDTH = 3000;
const HEIGHT = 2000;

/** One-pixel black and white columns: any loss of detail turns them grey. */
async function stripes(path: string): Promise<void> {
  const pixels = Buffer.alloc(WIDTH * HEIGHT);
  for (let y = 0; y < HEIGHT; y++) for (let x = 0; x < WIDTH; x += 2) pixels[y * WIDTH + x] = 255;
  await sharp(pixels, { raw: { width: WIDTH, height: HEIGHT, channels: 1 } }).png().toFile(path);
}

/** Mean brightness step between neighbouring screen columns around a document point. */
async function columnContrast(page: Page, x: number, y: number): Promise<number> {
  const at = await documentToPage(page, x, y);
  const shot = await page.screenshot({ clip: { x: at.x - 40, y: at.y - 20, width: 80, height: 40 } });
  const { data, info } = await sharp(shot).greyscale().raw().toBuffer({ resolveWithObject: true });
  let sum = 0;
  let count = 0;
  for (let row = 0; row < info.height; row++) {
    for (let col = 0; col + 1 < info.width; col++) {
      sum += Math.abs(data[row * info.width + col]! - data[row * info.width + col + 1]!);
      count++;
    }
  }
  return sum / count;
}

test('a big photo is drawn from a filtered reduced bitmap when fitted (no moiré), at full detail at 100 %, and reduced again when fitted', async ({ app: page }, testInfo) => {
  const file = testInfo.outputPath('stripes.png');
  await stripes(file);
  await openPhoto(page, file);
  await waitForImageOnScreen(page);
  // Fitted into 1400×900 the photo is shown below half size, from a bitmap reduced with
  // filtering: the stripes average to an even grey. The full-size bitmap scaled down on the fly
  // shows a moiré of dark and light bands (a mean step of about 120 here).
  expect(await viewScale(page)).toBeLessThan(0.5);
  await expect.poll(() => columnContrast(page, WIDTH / 2, HEIGHT / 2)).toBeLessThan(20);

  await page.keyboard.press('Control+1');
  await expect(page.getByLabel('Zoom level')).toHaveText('100%');
  // Full-size columns alternate 0 and 255; a reduced bitmap stretched back would be grey.
  await expect.poll(() => columnContrast(page, WIDTH / 2, HEIGHT / 2), { timeout: 10_000 }).toBeGreaterThan(200);

  // Fitted again, it goes back to the reduced bitmap.
  await page.keyboard.press('Control+0');
  await expect.poll(() => columnContrast(page, WIDTH / 2, HEIGHT / 2), { timeout: 10_000 }).toBeLessThan(20);
});
