import { join } from 'node:path';
import { startBridge } from '../../support/bridge.ts';
import { layerRows, openPhoto, photos, waitForImageOnScreen } from '../support/canvas.ts';
import { addGateway, expect, expectKeyNowhere, test, TEST_API_KEY } from './gateway-fixtures.ts';

test('Generate image from a prompt alone adds a canvas-sized layer; profiles, an opted-in key and the usage totals survive a restart', async ({ app: page, gateway, bridge, observed }, testInfo) => {
  await openPhoto(page, join(photos, 'coffee.jpg'));
  await waitForImageOnScreen(page);

  // Opt in to keeping the key without a keychain (the browser bridge has none).
  await addGateway(page, { name: 'Images relay', baseUrl: gateway.baseUrl, model: 'gpt-image-1', apiKey: TEST_API_KEY, persistInsecurely: true });
  const dialog = page.getByRole('dialog', { name: 'Gateway settings' });

  // An edited price applies to the next job: output tokens at $80/1M instead of $40.
  await page.getByRole('button', { name: 'Usage and prices' }).click();
  const usage = page.getByRole('dialog', { name: 'Usage and prices' });
  await usage.getByLabel('Output price for gpt-image-1', { exact: true }).fill('80');
  await usage.getByRole('button', { name: 'Save prices' }).click();
  await expect(usage.getByRole('status')).toContainText('Prices saved');
  await usage.getByRole('button', { name: 'Close' }).click();

  await expect(page.getByRole('button', { name: 'Generate image' })).toBeDisabled();
  await page.getByLabel('Prompt').fill('a lighthouse at dusk');
  await page.getByRole('button', { name: 'Generate image' }).click();
  await expect(layerRows(page)).toHaveCount(2);
  const layer = layerRows(page).first();
  await expect(layer).toHaveAttribute('aria-label', 'Layer a lighthouse at dusk');
  await expect(layer.locator('.layer-name')).toHaveAttribute('title', /Images relay · gpt-image-1 · seed \d+/);
  const generation = gateway.requests.find((r) => r.path === '/images/generations');
  expect(generation?.json).toMatchObject({ model: 'gpt-image-1', prompt: 'a lighthouse at dusk' });
  expect(gateway.requests.some((r) => r.path === '/images/edits')).toBe(false);
  await page.screenshot({ path: testInfo.outputPath('1-generated.png') });
  // Undo removes the generated layer in one step.
  await page.keyboard.press('Control+z');
  await expect(layerRows(page)).toHaveCount(1);

  await page.getByRole('button', { name: 'Usage and prices' }).click();
  // The test gateway bills 50 text + 1000 image input tokens and 4160 output tokens per image.
  const total = '$0.343';
  await expect(usage.getByLabel('Usage totals')).toContainText(`${total} over 1 job (1 image)`);
  await usage.getByRole('button', { name: 'Close' }).click();
  await expectKeyNowhere(page, bridge, observed, TEST_API_KEY);

  // Restart on the same data folder.
  await bridge.stop({ keepData: true });
  const again = await startBridge({}, { dataDir: bridge.dataDir });
  try {
    await page.goto(again.url);
    await expect(page.locator('body[data-app-ready="true"]')).toBeAttached();
    await expect(page.getByLabel('Provider')).toHaveValue('gateway:images-relay');
    await page.getByRole('button', { name: 'Gateways…' }).click();
    await expect(dialog.getByRole('button', { name: /Images relay/ })).toContainText('configured ••••cdef (saved without encryption)');
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await expect(dialog.getByLabel('Connection result')).toContainText('Connected');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Usage and prices' }).click();
    await expect(usage.getByLabel('Usage totals')).toContainText(`${total} over 1 job`);
    await page.screenshot({ path: testInfo.outputPath('2-after-restart.png') });
    expect(again.output()).not.toContain(TEST_API_KEY);
  } finally {
    await again.stop();
  }
});

test('INFILL_API_KEY works without typing a key for a saved gateway, says where the key comes from, and never goes to an unsaved one', async ({ page, gateway }) => {
  const bridge = await startBridge({ INFILL_API_KEY: TEST_API_KEY });
  try {
    await page.goto(bridge.url);
    await expect(page.locator('body[data-app-ready="true"]')).toBeAttached();
    await page.getByRole('button', { name: 'Gateways…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Gateway settings' });
    // A made-up profile, not saved: Test connection sends no key at all, not the environment's.
    await dialog.getByRole('button', { name: 'New gateway' }).click();
    await dialog.getByLabel('Preset').selectOption('custom');
    await dialog.getByLabel('Name').fill('Stranger');
    await dialog.getByLabel('Base URL').fill(gateway.baseUrl);
    await dialog.getByLabel('Model', { exact: true }).fill('gpt-image-1');
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await expect(dialog.getByLabel('Connection result')).toContainText('401');
    expect(gateway.requests.length).toBeGreaterThan(0);
    expect(gateway.requests.every((r) => r.headers.authorization === undefined)).toBe(true);
    await dialog.getByRole('button', { name: 'Close' }).last().click();

    await addGateway(page, { name: 'Env relay', baseUrl: gateway.baseUrl, model: 'gpt-image-1' });
    await page.getByRole('button', { name: 'Gateways…' }).click();
    await expect(dialog.getByRole('button', { name: /Env relay/ })).toContainText('from environment (INFILL_API_KEY)');
    // Saved, it is a host the person chose: the environment key goes there.
    await dialog.getByRole('button', { name: /Env relay/ }).click();
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await expect(dialog.getByLabel('Connection result')).toContainText('Connected');
    expect(gateway.requests.at(-1)?.headers.authorization).toBe(`Bearer ${TEST_API_KEY}`);
    expect(await page.evaluate(() => document.body.innerText)).not.toContain(TEST_API_KEY);
    expect(bridge.output()).not.toContain(TEST_API_KEY);
  } finally {
    await bridge.stop();
  }
});

test('Generate image with no picture open starts a new 1024×1024 document from the result', async ({ app: page, gateway }) => {
  await addGateway(page, { name: 'Images relay', baseUrl: gateway.baseUrl, model: 'gpt-image-1', apiKey: TEST_API_KEY });
  await page.getByLabel('Prompt').fill('a red kite');
  await page.getByRole('button', { name: 'Generate image' }).click();
  await expect(layerRows(page)).toHaveCount(1);
  await expect(layerRows(page).first()).toHaveAttribute('data-layer-kind', 'generated');
  expect(gateway.requests.find((r) => r.path === '/images/generations')?.json).toMatchObject({ size: '1024x1024' });
  await expect(page.getByRole('button', { name: 'Export' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});
