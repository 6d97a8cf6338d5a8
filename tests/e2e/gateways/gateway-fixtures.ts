import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { startBridge, type RunningBridge } from '../../support/bridge.ts';
import { startTestGateway, TEST_API_KEY, type TestGateway } from '../../gateway/test-gateway.ts';

/**
 * Gateway e2e: a local test gateway in this process (real HTTP on 127.0.0.1, with faults), a
 * fresh bridge per test, and a record of every channel answer the page received, so tests can
 * prove the key never comes back.
 */
export interface Observed {
  /** Raw bodies of every /rpc/ answer (binary envelopes hold their JSON as text). */
  rpcBodies: string[];
}

export const test = base.extend<{ gateway: TestGateway; bridge: RunningBridge; app: Page; observed: Observed }>({
  // Playwright requires an object pattern here, even an empty one.
  gateway: async ({}, use) => {
    const gateway = await startTestGateway();
    await use(gateway);
    await gateway.close();
  },
  bridge: async ({}, use) => {
    const bridge = await startBridge();
    await use(bridge);
    await bridge.stop();
  },
  observed: async ({}, use) => {
    await use({ rpcBodies: [] });
  },
  app: async ({ page, bridge, observed }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      // A failed job's 401 is shown to the person; the browser's own "failed to load" lines are not app errors.
      if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) problems.push(message.text());
    });
    page.on('response', (response) => {
      if (!response.url().includes('/rpc/')) return;
      response.body().then(
        (body) => observed.rpcBodies.push(body.toString('latin1')),
        () => undefined,
      );
    });
    await page.goto(bridge.url);
    await expect(page.locator('body[data-app-ready="true"]')).toBeAttached();
    await use(page);
    expect(problems, 'errors in the page').toEqual([]);
  },
});

export { expect, TEST_API_KEY };

export interface ProfileInput {
  name: string;
  baseUrl: string;
  model: string;
  apiKey?: string;
  protocol?: string;
  /** Tick "Save the key on this computer without encryption". */
  persistInsecurely?: boolean;
  /** Prompt help: a vision chat model on the same gateway, and its protocol. */
  visionModel?: string;
  visionProtocol?: 'openai-chat' | 'anthropic';
}

/** Adds a gateway through the settings dialog, as a person would; returns with the dialog closed. */
export async function addGateway(page: Page, profile: ProfileInput, options: { testFirst?: boolean } = {}): Promise<void> {
  await page.getByRole('button', { name: 'Gateways…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Gateway settings' });
  await dialog.getByRole('button', { name: 'New gateway' }).click();
  await dialog.getByLabel('Preset').selectOption('custom');
  await dialog.getByLabel('Name').fill(profile.name);
  await dialog.getByLabel('Base URL').fill(profile.baseUrl);
  await dialog.getByLabel('Protocol').selectOption(profile.protocol ?? 'openai-images');
  await dialog.getByLabel('Model', { exact: true }).fill(profile.model);
  if (profile.visionModel) await dialog.getByLabel('Vision model', { exact: true }).fill(profile.visionModel);
  if (profile.visionProtocol) await dialog.getByLabel('Vision protocol').selectOption(profile.visionProtocol);
  if (profile.apiKey) await dialog.getByLabel('API key').fill(profile.apiKey);
  if (profile.persistInsecurely) await dialog.getByRole('checkbox', { name: 'Save the key on this computer without encryption' }).check();
  if (options.testFirst) {
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await expect(dialog.getByLabel('Connection result')).toContainText('Connected');
  }
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog.getByLabel('Connection result')).toContainText('Saved');
  await expect(dialog.getByLabel('API key')).toHaveValue('');
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await expect(dialog).toBeHidden();
}

/** Asserts the key is nowhere a page, a channel answer, the bridge's logs or its data folder could show it. */
export async function expectKeyNowhere(page: Page, bridge: RunningBridge, observed: Observed, key: string): Promise<void> {
  const text = await page.evaluate(() => document.body.innerText);
  expect(text).not.toContain(key);
  const values = await page.evaluate(() => [...document.querySelectorAll('input, textarea, select')].map((el) => (el as HTMLInputElement).value));
  for (const value of values) expect(value).not.toContain(key);
  expect(observed.rpcBodies.length).toBeGreaterThan(0);
  for (const body of observed.rpcBodies) expect(body).not.toContain(key);
  expect(bridge.output()).not.toContain(key);
  // Every file in the data folder, the log and the autosave included (pixels in assets/ aside).
  const files = (await readdir(bridge.dataDir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  expect(files.some((entry) => entry.name === 'infill.log')).toBe(true);
  for (const entry of files) {
    const path = join(entry.parentPath, entry.name);
    if (path.startsWith(join(bridge.dataDir, 'assets'))) continue;
    expect(await readFile(path, 'latin1'), path).not.toContain(key);
  }
}
