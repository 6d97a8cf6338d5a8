import { join } from 'node:path';
import { layerRows, openPhoto, paintStroke, photos, waitForImageOnScreen } from '../support/canvas.ts';
import { addGateway, expect, expectKeyNowhere, test, TEST_API_KEY } from './gateway-fixtures.ts';

const photo = join(photos, 'coffee.jpg');
const stroke: Array<[number, number]> = [
  [220, 150],
  [300, 170],
];

test('a wrong key: the 401 is explained with the URL used, and nothing changes', async ({ app: page, gateway, bridge, observed }, testInfo) => {
  const wrongKey = 'sk-wrong-key-00000000000000000000zzzz';
  await openPhoto(page, photo);
  await waitForImageOnScreen(page);
  await addGateway(page, { name: 'Test relay', baseUrl: gateway.baseUrl, model: 'gpt-image-1', apiKey: wrongKey });
  await paintStroke(page, stroke);
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('401');
  await expect(alert).toContainText(`${gateway.baseUrl}/images/edits`);
  await expect(alert).toContainText(/key/i);
  await page.screenshot({ path: testInfo.outputPath('401.png') });
  await expect(layerRows(page)).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Clear mask' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Generate', exact: true })).toBeEnabled();
  await expectKeyNowhere(page, bridge, observed, wrongKey);
});

test('a 429 with Retry-After shows the countdown, then the job succeeds', async ({ app: page, gateway, bridge, observed }, testInfo) => {
  await openPhoto(page, photo);
  await waitForImageOnScreen(page);
  await addGateway(page, { name: 'Test relay', baseUrl: gateway.baseUrl, model: 'gpt-image-1', apiKey: TEST_API_KEY });
  gateway.setFault({ kind: 'rate-limit', retryAfterS: 3, times: 1, path: '/images/edits' });
  await paintStroke(page, stroke);
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  const status = page.getByRole('status', { name: 'Generation status' });
  await expect(status).toContainText(/retrying in [23] s/);
  await page.screenshot({ path: testInfo.outputPath('countdown.png') });
  await expect(status).toBeHidden({ timeout: 30_000 });
  await expect(layerRows(page)).toHaveCount(2);
  expect(gateway.requests.filter((r) => r.path === '/images/edits').map((r) => r.status)).toEqual([429, 200]);
  await expectKeyNowhere(page, bridge, observed, TEST_API_KEY);
});

test('cancel frees the UI at once while the gateway is still working, and changes nothing', async ({ app: page, gateway }) => {
  await openPhoto(page, photo);
  await waitForImageOnScreen(page);
  await addGateway(page, { name: 'Test relay', baseUrl: gateway.baseUrl, model: 'gpt-image-1', apiKey: TEST_API_KEY });
  gateway.setFault({ kind: 'delay', ms: 30_000, path: '/images/edits' });
  await paintStroke(page, stroke);
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  const status = page.getByRole('status', { name: 'Generation status' });
  await expect(status).toContainText('Waiting for gpt-image-1');
  const started = Date.now();
  await status.getByRole('button', { name: 'Cancel generation' }).click();
  await expect(status).toBeHidden();
  await expect(page.getByRole('button', { name: 'Generate', exact: true })).toBeEnabled();
  expect(Date.now() - started, 'ms from Cancel to a free UI').toBeLessThan(1000);
  await expect(layerRows(page)).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Clear mask' })).toBeEnabled();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('retries are a per-profile setting: with none, a 503 fails at once with its message', async ({ app: page, gateway }, testInfo) => {
  await openPhoto(page, photo);
  await waitForImageOnScreen(page);
  await addGateway(page, { name: 'Test relay', baseUrl: gateway.baseUrl, model: 'gpt-image-1', apiKey: TEST_API_KEY });
  await page.getByRole('button', { name: 'Gateways…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Gateway settings' });
  await dialog.getByText('Limits and timeouts').click();
  await dialog.getByLabel('Retries').fill('0');
  await page.screenshot({ path: testInfo.outputPath('limits.png') });
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog.getByLabel('Connection result')).toContainText('Saved');
  await dialog.getByRole('button', { name: 'Close' }).click();

  gateway.setFault({ kind: 'status', status: 503, times: 1, path: '/images/edits' });
  await paintStroke(page, stroke);
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('503');
  expect(gateway.requests.filter((r) => r.path === '/images/edits')).toHaveLength(1);
  await expect(layerRows(page)).toHaveCount(1);
});
