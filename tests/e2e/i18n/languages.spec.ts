import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startBridge } from '../../support/bridge.ts';
import { openPhoto, photos, waitForImageOnScreen } from '../support/canvas.ts';
import { expect, test } from '../support/fixtures.ts';

test.describe('a Vietnamese browser', () => {
  test.use({ locale: 'vi-VN' });

  test('opens in Vietnamese, and a damaged file is refused in Vietnamese', async ({ app: page }, testInfo) => {
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await expect(page.getByRole('toolbar', { name: 'Công cụ' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Cọ' })).toHaveAttribute('title', 'Cọ (B)');
    await expect(page.getByRole('region', { name: 'Lớp' })).toContainText('Chưa có lớp nào.');
    await expect(page.getByLabel('Nguồn tạo ảnh')).toBeVisible();

    const jpeg = await readFile(join(photos, 'coffee.jpg'));
    const truncated = testInfo.outputPath('hỏng.jpg');
    await writeFile(truncated, jpeg.subarray(0, Math.floor(jpeg.length / 2)));
    await openPhoto(page, truncated);
    await expect(page.getByRole('alert')).toContainText('“hỏng.jpg” bị hỏng hoặc không đầy đủ nên không mở được');
    await page.screenshot({ path: testInfo.outputPath('vi-damaged.png') });
    await page.getByRole('button', { name: 'Đóng' }).click();

    const notes = testInfo.outputPath('ghi-chú.png');
    await writeFile(notes, 'đây là ghi chú, không phải ảnh');
    await openPhoto(page, notes);
    await expect(page.getByRole('alert')).toContainText('“ghi-chú.png” không phải là ảnh mà Infill đọc được');
    await expect(page.getByRole('region', { name: 'Lớp' }).getByRole('listitem')).toHaveCount(0);
  });
});

test.describe('a German browser', () => {
  test.use({ locale: 'de-DE', viewport: { width: 1280, height: 800 } });

  test('opens in German, and the toolbar fits a 1280 px window on one row', async ({ app: page }, testInfo) => {
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.getByRole('toolbar', { name: 'Werkzeuge' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Pinsel', exact: true })).toHaveAttribute('title', 'Pinsel (B)');
    await openPhoto(page, join(photos, 'coffee.jpg'));
    await waitForImageOnScreen(page);
    await expect(page.getByRole('region', { name: 'Ebenen' }).getByRole('listitem').first()).toHaveAttribute('aria-label', 'Ebene coffee.jpg');
    await expect(page.getByLabel('Zoomstufe')).toHaveText(/^\d+\s%$/);

    const toolbar = page.getByRole('toolbar', { name: 'Werkzeuge' });
    const fits = await toolbar.evaluate((bar) => {
      const groups = [...bar.children].map((child) => child.getBoundingClientRect());
      return { overflow: bar.scrollWidth - bar.clientWidth, rows: new Set(groups.map((box) => Math.round(box.top))).size, right: Math.max(...groups.map((box) => box.right)) };
    });
    expect(fits.overflow).toBeLessThanOrEqual(0);
    expect(fits.rows).toBe(1);
    expect(fits.right).toBeLessThanOrEqual(1280);
    await page.screenshot({ path: testInfo.outputPath('de-1280.png') });
  });
});

test('switching language changes the visible text at once, without a reload, and the choice survives a restart', async ({ app, bridge, context }) => {
  let page = app;
  await expect(page.getByRole('region', { name: 'Layers' })).toContainText('No layers yet.');
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

  await page.getByLabel('Language').selectOption('de');
  await expect(page.getByRole('region', { name: 'Ebenen' })).toContainText('Noch keine Ebenen.');
  await expect(page.getByRole('button', { name: 'Generieren', exact: true })).toBeVisible();
  await expect(page.getByLabel('Sprache')).toHaveValue('de');
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);

  await page.getByLabel('Sprache').selectOption('vi');
  await expect(page.getByRole('region', { name: 'Lớp' })).toContainText('Chưa có lớp nào.');

  // Restart on the same data folder: the app opens in Vietnamese although the browser is English.
  // The old page is closed first, so nothing of it talks to the stopped bridge.
  await page.close();
  await bridge.stop({ keepData: true });
  const again = await startBridge({}, { dataDir: bridge.dataDir });
  try {
    page = await context.newPage();
    await page.goto(again.url);
    await expect(page.locator('body[data-app-ready="true"]')).toBeAttached();
    await expect(page.getByRole('region', { name: 'Lớp' })).toContainText('Chưa có lớp nào.');
    await expect(page.getByLabel('Ngôn ngữ')).toHaveValue('vi');
    // Back to following the browser.
    await page.getByLabel('Ngôn ngữ').selectOption('');
    await expect(page.getByRole('region', { name: 'Layers' })).toContainText('No layers yet.');
  } finally {
    await again.stop();
  }
});

test('the shortcut sheet (?) lists every registered action with its keys', async ({ app: page }) => {
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  const rows = sheet.locator('tr[data-action]');
  const { actionCatalog } = await import('../../../shared/actions/catalog.ts');
  await expect(rows).toHaveCount(actionCatalog.length);
  await expect(sheet.locator('tr[data-action="toolBrush"]')).toContainText('Brush');
  await expect(sheet.locator('tr[data-action="toolBrush"] kbd')).toHaveText('B');
  await expect(sheet.locator('tr[data-action="redo"] kbd')).toHaveText(['Ctrl+Shift+Z', 'Ctrl+Y']);
  await sheet.getByRole('button', { name: 'Close' }).click();
  await expect(sheet).toBeHidden();
});
