/**
 * Makes docs/screenshot.png for the README: the built app in Chromium through the bridge, a
 * photo opened, a mask painted over part of it and filled offline, the mask of a second stroke
 * and an area excluded from sampling (green) still showing. Run: npm run build && node --import tsx scripts/readme-screenshot.ts
 */
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startBridge } from '../tests/support/bridge.ts';
import { chromiumLaunchOptions } from '../tests/support/chromium.ts';

const root = join(import.meta.dirname, '..');
const bridge = await startBridge();
const browser = await chromium.launch(chromiumLaunchOptions);
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await page.goto(bridge.url);
  await page.waitForSelector('body[data-app-ready="true"]', { state: 'attached' });
  await page.getByLabel('Image file').setInputFiles(join(root, 'tests/fixtures/photos/coffee.jpg'));
  await page.waitForSelector('body[data-last-drawn-asset]', { state: 'attached' });
  const canvas = page.getByTestId('canvas');
  const at = async (x: number, y: number) => {
    const [scale = 1, ox = 0, oy = 0] = ((await canvas.getAttribute('data-view')) ?? '').split(' ').map(Number);
    const box = (await canvas.boundingBox())!;
    return { x: box.x + ox + x * scale, y: box.y + oy + y * scale };
  };
  const stroke = async (points: Array<[number, number]>) => {
    const first = await at(...points[0]!);
    await page.mouse.move(first.x, first.y);
    await page.mouse.down();
    for (const point of points.slice(1)) {
      const p = await at(...point);
      await page.mouse.move(p.x, p.y, { steps: 10 });
    }
    await page.mouse.up();
  };
  await page.getByLabel('Brush size', { exact: true }).fill('24');
  await stroke([[470, 300], [540, 330], [560, 380]]);
  await page.getByRole('button', { name: 'Generate' }).click();
  await page.getByRole('region', { name: 'Layers' }).getByRole('listitem').nth(1).waitFor();
  await stroke([[60, 330], [120, 360], [170, 350]]);
  // The exclusion brush (green): content-aware fill must not copy the spoon.
  await page.getByRole('button', { name: 'Exclude from sampling' }).click();
  await page.getByLabel('Brush size', { exact: true }).fill('60');
  await stroke([[360, 250], [400, 290]]);
  await page.waitForTimeout(600); // the estimate line appears once main has answered
  await page.mouse.move(900, 700);
  await page.screenshot({ path: join(root, 'docs/screenshot.png') });
} finally {
  await browser.close();
  await bridge.stop();
}
