import { join } from 'node:path';
import { exportImage, layerRows, openPhoto, paintStroke, photos, viewScale, waitForImageOnScreen } from '../support/canvas.ts';
import { compareAroundPath, decode } from '../support/pixels.ts';
import { addGateway, expect, expectKeyNowhere, test, TEST_API_KEY } from './gateway-fixtures.ts';

const photo = join(photos, 'coffee.jpg');
/** A stroke across the cup's rim, in document pixels (the photo is 600×400). */
const path: Array<[number, number]> = [
  [220, 150],
  [300, 170],
  [380, 160],
];
const BRUSH = 30;
/** The gateway's blend reaches at most 32 px beyond the painted mask (ISSUE 3 §3). */
const BLEND_REACH = 32;

test('configure a gateway in the UI, inpaint with two variations through it, pick one; outside the band nothing changes even when the model ignores the mask', async ({ app: page, gateway, bridge, observed }, testInfo) => {
  await openPhoto(page, photo);
  await waitForImageOnScreen(page);

  // Settings: the browser bridge has no keychain, so the warning shows; Test connection lists the models.
  await page.getByRole('button', { name: 'Gateways…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Gateway settings' });
  await expect(dialog.getByLabel('Key storage warning')).toContainText('session only');
  await dialog.getByLabel('Base URL').fill(gateway.origin);
  await expect(dialog.getByLabel('Base URL problem')).toContainText('/v1');
  await dialog.getByRole('button', { name: `Use ${gateway.baseUrl}` }).click();
  await expect(dialog.getByLabel('Base URL')).toHaveValue(gateway.baseUrl);
  await dialog.getByLabel('Base URL').fill('http://relay.example.com/v1');
  await expect(dialog.getByLabel('Base URL problem')).toContainText('https');
  await expect(dialog.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Close' }).click();

  await addGateway(page, { name: 'Test relay', baseUrl: gateway.baseUrl, model: 'gpt-image-1', apiKey: TEST_API_KEY }, { testFirst: true });
  await page.getByRole('button', { name: 'Gateways…' }).click();
  await expect(dialog.getByRole('button', { name: /Test relay/ })).toContainText('configured ••••cdef (this session only)');
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByLabel('Listed models').locator('option')).toContainText(['Pick a model…', 'gpt-image-1', 'gpt-image-2', 'dall-e-2', 'google/gemini-2.5-flash-image', 'sdxl-inpaint']);
  await page.screenshot({ path: testInfo.outputPath('1-settings.png') });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByLabel('Provider')).toHaveValue('gateway:test-relay');

  // Two variations, with the model repainting the whole crop.
  gateway.setFault({ kind: 'mask-ignored', path: '/images/edits' });
  await page.getByLabel('Brush size', { exact: true }).fill(String(BRUSH));
  await paintStroke(page, path);
  await page.getByLabel('Variations').fill('2');
  await page.getByLabel('Seed').fill('1234');
  await page.getByLabel('Prompt').fill('a red apple on the rim');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  const tray = page.getByRole('region', { name: 'Variations' });
  await expect(tray.getByRole('listitem')).toHaveCount(2);
  await expect(tray.getByRole('img', { name: /Variation 2, seed 1235/ })).toBeVisible();
  await expect(layerRows(page)).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('2-variations.png') });
  const edit = gateway.requests.find((r) => r.path === '/images/edits');
  expect(edit?.fields?.n).toBe('2');

  await tray.getByRole('button', { name: 'Add Variation 2 as a layer' }).click();
  await expect(layerRows(page)).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'Clear mask' })).toBeDisabled();
  const layer = layerRows(page).first();
  await expect(layer).toHaveAttribute('data-layer-kind', 'generated');
  // The layer keeps where it came from: profile, model, seed, cost and prompt.
  await expect(layer.locator('.layer-name')).toHaveAttribute('title', /^Test relay · gpt-image-1 · seed 1235 · \$\d+\.\d{3} · “a red apple on the rim”$/);
  await page.screenshot({ path: testInfo.outputPath('3-picked.png') });

  const original = await decode(photo);
  const result = await decode(await exportImage(page));
  const scale = await viewScale(page);
  const compared = compareAroundPath(original, result, path, BRUSH / 2 + BLEND_REACH + 2 / scale + 1, 6);
  expect(compared.changedOutside, 'pixels changed beyond the blend band').toBe(0);
  expect(compared.changedInside / compared.inside, 'share of the stroke centre that changed').toBeGreaterThan(0.9);

  // Adding the other one too is its own undoable step; undo takes it away again.
  await tray.getByRole('button', { name: 'Add Variation 1 as a layer' }).click();
  await expect(layerRows(page)).toHaveCount(3);
  await expect(tray.getByRole('button', { name: 'Add Variation 1 as a layer' })).toBeDisabled();
  await page.keyboard.press('Control+z');
  await expect(layerRows(page)).toHaveCount(2);
  await page.keyboard.press('Control+z');
  await expect(layerRows(page)).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Clear mask' })).toBeEnabled();
  // Undone variations can be added again, several in one step.
  await tray.getByRole('checkbox', { name: 'Select Variation 1' }).check();
  await tray.getByRole('checkbox', { name: 'Select Variation 2' }).check();
  await tray.getByRole('button', { name: 'Add selected variations' }).click();
  await expect(layerRows(page)).toHaveCount(3);
  await page.keyboard.press('Control+z');
  await expect(layerRows(page)).toHaveCount(1);

  // The job's cost went into the usage log.
  await page.getByRole('button', { name: 'Usage and prices' }).click();
  const usage = page.getByRole('dialog', { name: 'Usage and prices' });
  await expect(usage.getByLabel('Usage totals')).toContainText('over 1 job (2 images)');
  await expect(usage.getByRole('img', { name: /Cost per day/ })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('4-usage.png') });
  await usage.getByRole('button', { name: 'Close' }).click();

  await expectKeyNowhere(page, bridge, observed, TEST_API_KEY);
});

test('a chat image model (no mask field) fills through the same UI; pixels beyond the band stay byte-identical', async ({ app: page, gateway, bridge, observed }) => {
  await openPhoto(page, photo);
  await waitForImageOnScreen(page);
  await addGateway(page, { name: 'Chat relay', baseUrl: gateway.baseUrl, protocol: 'chat-image', model: 'google/gemini-2.5-flash-image', apiKey: TEST_API_KEY });
  gateway.setFault({ kind: 'mask-ignored', path: '/chat/completions' });
  await page.getByLabel('Brush size', { exact: true }).fill(String(BRUSH));
  await paintStroke(page, path);
  await page.getByLabel('Prompt').fill('a sugar cube');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await expect(layerRows(page)).toHaveCount(2);
  expect(gateway.requests.filter((r) => r.path === '/chat/completions')).toHaveLength(1);
  const original = await decode(photo);
  const result = await decode(await exportImage(page));
  const compared = compareAroundPath(original, result, path, BRUSH / 2 + BLEND_REACH + 2 / (await viewScale(page)) + 1, 6);
  expect(compared.changedOutside, 'pixels changed beyond the blend band').toBe(0);
  expect(compared.changedInside / compared.inside).toBeGreaterThan(0.9);
  await expectKeyNowhere(page, bridge, observed, TEST_API_KEY);
});
