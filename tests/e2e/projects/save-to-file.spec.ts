import { unzipSync } from 'fflate';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.ts';
import { layerRows, openPhoto, paintStroke, photos, waitForImageOnScreen } from '../support/canvas.ts';

/**
 * Chromium's Save dialog (showSaveFilePicker) cannot be driven by Playwright, so this stands in
 * for it: it records what the app asked and hands back a file in the page's private file
 * system (OPFS), a real FileSystemFileHandle the app writes through as it would a picked file.
 */
const PICKER_STAND_IN = `
  window.__picks = [];
  window.__answer = undefined;
  Object.defineProperty(window, 'showSaveFilePicker', {
    configurable: true,
    value: async (options) => {
      window.__picks.push(options);
      const answer = window.__answer ?? options.suggestedName;
      if (answer === 'cancel') throw new DOMException('The user aborted a request.', 'AbortError');
      return (await navigator.storage.getDirectory()).getFileHandle(answer, { create: true });
    },
  });`;

const picks = (page: Page) => page.evaluate(() => (window as unknown as { __picks: Array<{ suggestedName: string; types: unknown }> }).__picks);
const answerNext = (page: Page, answer: string) => page.evaluate((value) => ((window as unknown as { __answer: string }).__answer = value), answer);

/** The bytes of a file in the page's private file system. */
async function privateFile(page: Page, name: string): Promise<Uint8Array> {
  const bytes = await page.evaluate(async (fileName) => {
    const file = await (await (await navigator.storage.getDirectory()).getFileHandle(fileName)).getFile();
    return [...new Uint8Array(await file.arrayBuffer())];
  }, name);
  return new Uint8Array(bytes);
}

const layerNames = (bytes: Uint8Array) =>
  Object.values(JSON.parse(new TextDecoder().decode(unzipSync(bytes)['document.json'])) as Record<string, { typeName: string; name: string }>)
    .filter((record) => record.typeName === 'layer')
    .map((record) => record.name);

test('in Chromium, Save asks for a file once and then saves to it again; Save as asks anew; a cancelled dialog saves nothing', async ({ app: page }) => {
  await page.addInitScript({ content: PICKER_STAND_IN });
  await page.reload();
  await expect(page.locator('body[data-app-ready="true"]')).toBeAttached();
  await openPhoto(page, join(photos, 'coffee.jpg'));
  await waitForImageOnScreen(page);
  await paintStroke(page, [
    [100, 100],
    [200, 150],
  ]);

  // A cancelled dialog: nothing saved, nothing said, still unsaved.
  await answerNext(page, 'cancel');
  await page.keyboard.press('Control+s');
  await expect.poll(async () => (await picks(page)).length).toBe(1);
  await expect(page).toHaveTitle('coffee.jpg* — Infill');
  await expect(page.getByRole('alert')).toHaveCount(0);

  // The first Save asks, offering .infill files under the photo's name, and writes the project.
  await answerNext(page, 'coffee.infill');
  await page.keyboard.press('Control+s');
  await expect(page).toHaveTitle('coffee.infill — Infill');
  const [, first] = await picks(page);
  expect(first).toMatchObject({ suggestedName: 'coffee.infill', types: [{ description: 'Infill project', accept: { 'application/zip': ['.infill'] } }] });
  expect(layerNames(await privateFile(page, 'coffee.infill'))).toEqual(['coffee.jpg']);

  // The next Save writes the same file without asking.
  await page.getByRole('button', { name: 'New layer' }).click();
  await expect(layerRows(page)).toHaveCount(2);
  await expect(page).toHaveTitle('coffee.infill* — Infill');
  await page.keyboard.press('Control+s');
  await expect(page).toHaveTitle('coffee.infill — Infill');
  expect(await picks(page)).toHaveLength(2);
  await expect.poll(async () => layerNames(await privateFile(page, 'coffee.infill'))).toHaveLength(2);

  // Save as asks again; the project is then known by its new name, and the old file stays.
  await answerNext(page, 'coffee-v2.infill');
  await page.keyboard.press('Control+Shift+s');
  await expect(page).toHaveTitle('coffee-v2.infill — Infill');
  expect((await picks(page)).at(-1)).toMatchObject({ suggestedName: 'coffee.infill' });
  expect(layerNames(await privateFile(page, 'coffee-v2.infill'))).toHaveLength(2);
});
