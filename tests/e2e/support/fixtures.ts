import { test as base, expect, type Page } from '@playwright/test';
import { startBridge, type RunningBridge } from '../../support/bridge.ts';
import { WITHOUT_SAVE_PICKER } from '../../support/chromium.ts';

/**
 * Every test gets its own bridge (fresh data folder, fresh token) and a page on which the app
 * has said it is ready, after Bruno's fixtures.
 */
export const test = base.extend<{ bridge: RunningBridge; app: Page }>({
  // Playwright requires an object pattern here, even an empty one.
  bridge: async ({}, use) => {
    const bridge = await startBridge();
    await use(bridge);
    await bridge.stop();
  },
  app: async ({ page, bridge }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    // Chromium's own Save dialog (File System Access) is beyond Playwright's reach: these tests
    // save the way browsers without it do, by download; save-to-file.spec.ts stands in a file.
    await page.addInitScript({ content: WITHOUT_SAVE_PICKER });
    await page.goto(bridge.url);
    await expect(page.locator('body[data-app-ready="true"]')).toBeAttached();
    await use(page);
    expect(problems, 'errors in the page').toEqual([]);
  },
});

export { expect };
