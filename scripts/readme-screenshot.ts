/**
 * Makes the README's screenshots: the built app in Chromium through the bridge, a photo opened,
 * a mask painted over part of it and filled offline, the mask of a second stroke and an area
 * excluded from sampling (green) still showing; once per language (docs/screenshot.png in
 * English, docs/screenshot-vi.png, docs/screenshot-de.png). Controls are found by id and
 * shortcut, not by their names, which change with the language.
 * Run: npm run build && node --import tsx scripts/readme-screenshot.ts
 */
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startBridge } from '../tests/support/bridge.ts';
import { chromiumLaunchOptions } from '../tests/support/chromium.ts';

const root = join(import.meta.dirname, '..');
const shots = [
  { locale: 'en-US', file: 'docs/screenshot.png' },
  { locale: 'vi-VN', file: 'docs/screenshot-vi.png' },
  { locale: 'de-DE', file: 'docs/screenshot-de.png' },
];
const browser = await chromium.launch(chromiumLaunchOptions);
for (const shot of shots) {
const bridge = await startBridge();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: shot.locale });
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await page.goto(bridge.url);
  await page.waitForSelector('body[data-app-ready="true"]', { state: 'attached' });
  await page.locator('#open-image-input').setInputFiles(join(root, 'tests/fixtures/photos/coffee.jpg'));
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
  const brushSize = page.locator('header.toolbar input[type=range]').first();
  await brushSize.fill('24');
  await stroke([[470, 300], [540, 330], [560, 380]]);
  await page.keyboard.press('Control+Enter');
  await page.locator('li.layer-row').nth(1).waitFor();
  await stroke([[60, 330], [120, 360], [170, 350]]);
  // The exclusion brush (green): content-aware fill must not copy the spoon.
  await page.keyboard.press('k');
  await brushSize.fill('60');
  await stroke([[360, 250], [400, 290]]);
  await page.waitForTimeout(600); // the estimate line appears once main has answered
  await page.mouse.move(900, 700);
  await page.screenshot({ path: join(root, shot.file) });
  await page.close();
} finally {
  await bridge.stop();
}
}
await browser.close();
