import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { initializeCanvas } from 'ag-psd';
import { readFile } from 'node:fs/promises';

// ag-psd's reader allocates pixel buffers through this hook; there is no DOM canvas in Node.
initializeCanvas(
  () => {
    throw new Error('No canvas in tests');
  },
  (width, height) => ({ width, height, data: new Uint8ClampedArray(width * height * 4), colorSpace: 'srgb' }) as ImageData,
);

export function exportDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Export image' });
}

/** Opens the Export dialog, lets `choose` set it up, saves, and returns the downloaded file. */
export async function exportWith(page: Page, choose: (dialog: Locator) => Promise<unknown>): Promise<{ bytes: Uint8Array; name: string }> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = exportDialog(page);
  await choose(dialog);
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save' }).click();
  const file = await download;
  await expect(dialog).toBeHidden();
  return { bytes: new Uint8Array(await readFile(await file.path())), name: file.suggestedFilename() };
}
