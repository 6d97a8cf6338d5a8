import { chromium, type Page } from '@playwright/test';
import { startBridge } from '../../tests/support/bridge.ts';
import { chromiumLaunchOptions } from '../../tests/support/chromium.ts';
import { VISION_ANSWERS, tokensOf } from '../../tests/gateway/routes-vision.ts';
import { TEST_API_KEY, type TestGateway } from '../../tests/gateway/test-gateway.ts';
import { benchPhoto } from '../app/fixtures.ts';

/**
 * From a token leaving the gateway to its text being in the prompt box, in real Chromium
 * through the browser bridge. The gateway notes when it wrote each event (epoch ms); the page
 * polls the box on every macrotask and notes when each piece shows (epoch ms, same clock).
 * The gateway → main hop is loopback, so this is main → box plus well under a millisecond.
 */

interface Sighting {
  at: number;
  length: number;
}

async function setUp(page: Page, gateway: TestGateway, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('body[data-app-ready="true"]').waitFor({ state: 'attached' });
  await page.getByLabel('Image file').setInputFiles(await benchPhoto(2000, 1500));
  await page.waitForSelector('body[data-last-drawn-asset]', { state: 'attached', timeout: 60_000 });
  await page.getByRole('button', { name: 'Gateways…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Gateway settings' });
  await dialog.getByRole('button', { name: 'New gateway' }).click();
  await dialog.getByLabel('Preset').selectOption('custom');
  await dialog.getByLabel('Name').fill('Bench relay');
  await dialog.getByLabel('Base URL').fill(gateway.baseUrl);
  await dialog.getByLabel('Model', { exact: true }).fill('gpt-image-1');
  await dialog.getByLabel('Vision model', { exact: true }).fill('gpt-4.1-mini');
  await dialog.getByLabel('API key').fill(TEST_API_KEY);
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await dialog.getByLabel('Connection result').filter({ hasText: 'Saved' }).waitFor();
  await dialog.getByRole('button', { name: 'Close' }).last().click();
}

/** One Translate run: per piece, ms from the gateway writing it to the box holding it. */
async function oneRun(page: Page, gateway: TestGateway): Promise<number[]> {
  const prompt = page.getByLabel('Prompt', { exact: true });
  await prompt.fill('một con diều đỏ bay trên cánh đồng xanh lúc hoàng hôn');
  await page.evaluate(() => {
    const box = document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Prompt"]')!;
    const seen: Sighting[] = [];
    const state = window as unknown as { __sightings: Sighting[]; __watching: boolean };
    state.__sightings = seen;
    state.__watching = true;
    let last = box.value;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      if (box.value !== last) {
        last = box.value;
        seen.push({ at: performance.timeOrigin + performance.now(), length: last.length });
      }
      if (state.__watching) channel.port2.postMessage(0);
    };
    channel.port2.postMessage(0);
  });
  const before = gateway.requests.length;
  await page.getByRole('button', { name: 'Translate to English' }).click();
  await page.waitForFunction((answer) => document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Prompt"]')!.value === answer, VISION_ANSWERS.translate);
  const sightings = await page.evaluate(() => {
    const state = window as unknown as { __sightings: Sighting[]; __watching: boolean };
    state.__watching = false;
    return state.__sightings;
  });
  const request = gateway.requests.slice(before).find((r) => r.path === '/chat/completions');
  const frames = request?.frameTimes ?? [];
  const pieces = tokensOf(VISION_ANSWERS.translate);
  const latencies: number[] = [];
  let length = 0;
  pieces.forEach((piece, index) => {
    length += piece.length;
    // Event 0 is the role chunk; piece i went out with event i + 1.
    const written = frames[index + 1];
    const shown = sightings.find((s) => s.length >= length);
    if (written !== undefined && shown) latencies.push(shown.at - written);
  });
  return latencies;
}

export async function measureTokenToBox(gateway: TestGateway, runs: number): Promise<number[]> {
  const bridge = await startBridge();
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
    await setUp(page, gateway, bridge.url);
    await oneRun(page, gateway); // warm-up
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) samples.push(...(await oneRun(page, gateway)));
    return samples;
  } finally {
    await browser.close();
    await bridge.stop();
  }
}
