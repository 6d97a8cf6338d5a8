import { join } from 'node:path';
import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { exportImage, openPhoto, paintStroke, photos, waitForImageOnScreen } from '../support/canvas.ts';
import { addGateway, expect, expectKeyNowhere, test, TEST_API_KEY } from '../gateways/gateway-fixtures.ts';
import { VISION_ANSWERS } from '../../gateway/routes-vision.ts';

const photo = join(photos, 'coffee.jpg');

/** Every distinct value the prompt box shows, sampled each animation frame in the page. */
async function recordPromptValues(page: Page): Promise<void> {
  await page.evaluate(() => {
    const box = document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Prompt"]')!;
    const seen: string[] = [];
    (window as unknown as { promptValues: string[] }).promptValues = seen;
    const sample = () => {
      if (seen.at(-1) !== box.value) seen.push(box.value);
      requestAnimationFrame(sample);
    };
    sample();
  });
}

const promptValues = (page: Page) => page.evaluate(() => (window as unknown as { promptValues: string[] }).promptValues);

test('prompt help: suggest streams into the prompt box, Esc stops within 200 ms keeping the text, Undo restores, cost in Usage, key never in the page', async ({ app: page, gateway, bridge, observed }, testInfo) => {
  gateway.options.tokenPaceMs = 60;
  await openPhoto(page, photo);
  await waitForImageOnScreen(page);
  // No profile with a vision model yet: no prompt help.
  await expect(page.getByRole('button', { name: 'Suggest prompt' })).toHaveCount(0);

  await addGateway(page, { name: 'Test relay', baseUrl: gateway.baseUrl, model: 'gpt-image-1', apiKey: TEST_API_KEY, visionModel: 'gpt-4.1-mini' }, { testFirst: true });
  const dialog = page.getByRole('dialog', { name: 'Gateway settings' });
  await page.getByRole('button', { name: 'Gateways…' }).click();
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByLabel('Connection result')).toContainText('The vision model “gpt-4.1-mini” is listed too.');
  await dialog.getByRole('button', { name: 'Close' }).last().click();

  // Suggest prompt: the answer appears word by word.
  const prompt = page.getByLabel('Prompt', { exact: true });
  await expect(page.getByRole('button', { name: 'Suggest prompt' })).toBeEnabled();
  await paintStroke(page, [
    [220, 150],
    [300, 170],
  ]);
  await recordPromptValues(page);
  await page.getByRole('button', { name: 'Suggest prompt' }).click();
  await expect(page.getByLabel('Prompt help status')).toContainText('gpt-4.1-mini is writing');
  await page.screenshot({ path: testInfo.outputPath('1-streaming.png') });
  await expect(prompt).toHaveValue(VISION_ANSWERS.suggest);
  const partials = (await promptValues(page)).filter((v) => v !== '' && v !== VISION_ANSWERS.suggest);
  expect(new Set(partials).size).toBeGreaterThanOrEqual(3);
  for (const partial of partials) expect(VISION_ANSWERS.suggest.startsWith(partial)).toBe(true);
  await expect(page.getByLabel('Prompt help cost')).toContainText(/\$0\.000\d+ · gpt-4\.1-mini, 1,234 \+ \d+ tokens/);
  const request = gateway.requests.find((r) => r.path === '/chat/completions');
  expect(request?.json).toMatchObject({ model: 'gpt-4.1-mini', stream: true, stream_options: { include_usage: true } });
  await page.screenshot({ path: testInfo.outputPath('2-suggested.png') });

  // Translate, stopped with Esc part way: the text so far stays, and stays put.
  gateway.options.tokenPaceMs = 150;
  const typed = 'một con diều đỏ bay trên cánh đồng xanh lúc hoàng hôn';
  await prompt.fill(typed);
  await page.getByRole('button', { name: 'Translate to English' }).click();
  await expect(prompt).toHaveValue(/^a red kite /);
  const stoppedIn = await page.evaluate(async () => {
    const start = performance.now();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    while (document.querySelector('[aria-label="Prompt help status"]')) await new Promise((r) => requestAnimationFrame(r));
    return performance.now() - start;
  });
  expect(stoppedIn).toBeLessThan(200);
  const kept = await prompt.inputValue();
  expect(VISION_ANSWERS.translate.startsWith(kept)).toBe(true);
  expect(kept.length).toBeLessThan(VISION_ANSWERS.translate.length);
  await page.waitForTimeout(500);
  await expect(prompt).toHaveValue(kept);
  await expect(page.getByLabel('Prompt help cost')).toContainText('Incomplete');
  // The original is one Undo away.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(prompt).toHaveValue(typed);

  // Describe photo: caption and alt text kept with the document.
  gateway.options.tokenPaceMs = 5;
  await page.getByRole('button', { name: 'Describe photo' }).click();
  await expect(page.getByLabel('Caption', { exact: true }).last()).toHaveText('A tabby cat rests on a sunlit windowsill beside a potted plant.');
  await expect(page.getByLabel('Alt text', { exact: true }).last()).toHaveText('Tabby cat lying on a windowsill next to a green plant.');
  await page.screenshot({ path: testInfo.outputPath('3-described.png') });
  // …and written into the exported file's metadata.
  const xmp = (await sharp(await exportImage(page, 'jpeg')).metadata()).xmp?.toString('utf8') ?? '';
  expect(xmp).toContain('A tabby cat rests on a sunlit windowsill beside a potted plant.');
  expect(xmp).toContain('Iptc4xmpCore:AltTextAccessibility');

  // Every call is in Usage with its cost.
  await page.getByRole('button', { name: 'Usage and prices' }).click();
  const usage = page.getByRole('dialog', { name: 'Usage and prices' });
  await expect(usage.getByLabel('Usage totals')).toContainText('over 3 jobs');
  await usage.getByText('Recent jobs').click();
  const rows = usage.getByRole('table', { name: 'Recent jobs' }).getByRole('row').filter({ hasText: 'gpt-4.1-mini' });
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText('$');
  await page.screenshot({ path: testInfo.outputPath('4-usage.png') });

  await expectKeyNowhere(page, bridge, observed, TEST_API_KEY);
});

test('prompt help: a 429 before the answer shows the retry countdown in the status line, then the answer streams in', async ({ app: page, gateway }, testInfo) => {
  await openPhoto(page, photo);
  await waitForImageOnScreen(page);
  await addGateway(page, { name: 'Test relay', baseUrl: gateway.baseUrl, model: 'gpt-image-1', apiKey: TEST_API_KEY, visionModel: 'gpt-4.1-mini' });
  gateway.setFault({ kind: 'rate-limit', retryAfterS: 3, times: 1, path: '/chat/completions' });
  await page.getByLabel('Prompt', { exact: true }).fill('ein roter Drachen über dem Meer');
  await page.getByRole('button', { name: 'Translate to English' }).click();
  const status = page.getByLabel('Prompt help status');
  await expect(status).toContainText(/Rate limited \(429\) — retrying in [23] s/);
  await page.screenshot({ path: testInfo.outputPath('countdown.png') });
  await expect(page.getByLabel('Prompt', { exact: true })).toHaveValue(VISION_ANSWERS.translate, { timeout: 30_000 });
  await expect(status).toBeHidden();
  expect(gateway.requests.filter((r) => r.path === '/chat/completions').map((r) => r.status)).toEqual([429, 200]);
});
