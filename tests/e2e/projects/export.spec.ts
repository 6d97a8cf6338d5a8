import { readPsd } from 'ag-psd';
import { strFromU8, unzipSync } from 'fflate';
import { join } from 'node:path';
import sharp from 'sharp';
import { readPngText } from '../../../electron/export/png-text.ts';
import { expect, test } from '../support/fixtures.ts';
import { layerRows, openPhoto, paintStroke, photos, waitForImageOnScreen } from '../support/canvas.ts';
import { exportDialog, exportWith } from './export-helpers.ts';

test('export: layered PSD and ORA, AVIF, sizes, the selected layer, metadata kept or stripped, the mask, copy to clipboard', async ({ app: page, context }, testInfo) => {
  await openPhoto(page, join(photos, 'coffee.jpg'));
  await waitForImageOnScreen(page);
  await page.getByLabel('Provider').selectOption('offline-smooth');
  await page.getByLabel('Brush size', { exact: true }).fill('30');
  await paintStroke(page, [
    [220, 150],
    [300, 170],
  ]);
  // The mask exports as a black-and-white PNG of the canvas size before the fill clears it.
  const mask = await exportWith(page, (dialog) => dialog.getByLabel('Format').selectOption('mask'));
  const maskPixels = await sharp(mask.bytes).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  expect([maskPixels.info.width, maskPixels.info.height]).toEqual([600, 400]);
  expect(maskPixels.data[160 * 600 + 260]).toBe(255);
  expect(maskPixels.data[10 * 600 + 10]).toBe(0);

  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(layerRows(page)).toHaveCount(2);

  // PSD: both layers, named, at their places; the composite is the document.
  const psdFile = await exportWith(page, (dialog) => dialog.getByLabel('Format').selectOption('psd'));
  expect(psdFile.name).toBe('coffee-infill.psd');
  const psd = readPsd(psdFile.bytes, { skipLayerImageData: true, skipCompositeImageData: true, skipThumbnail: true });
  expect(psd.children?.length).toBe(2);
  expect(psd.children?.[0]).toMatchObject({ name: 'coffee.jpg', left: 0, top: 0 });
  expect(psd.children?.[1]?.left).toBeGreaterThan(150);
  // …and the generation as XMP, where Photoshop and Bridge read a file's metadata.
  expect(psd.imageResources?.xmpMetadata).toContain('<infill:provider>offline-smooth</infill:provider>');

  // OpenRaster: stack.xml lists both layers, top first, and every file is there.
  const ora = unzipSync((await exportWith(page, (dialog) => dialog.getByLabel('Format').selectOption('ora'))).bytes);
  expect(Object.keys(ora).sort()).toEqual(['Thumbnails/thumbnail.png', 'data/layer0.png', 'data/layer1.png', 'mergedimage.png', 'mimetype', 'stack.xml']);
  expect(strFromU8(ora['stack.xml']!)).toMatch(/<layer name="[^"]+" src="data\/layer1.png"[\s\S]*<layer name="coffee.jpg" src="data\/layer0.png"/);

  // AVIF at a long side of 300 px decodes to 300×200.
  const avif = await exportWith(page, async (dialog) => {
    await dialog.getByLabel('Format').selectOption('avif');
    await dialog.getByLabel('Size').selectOption('longSide');
    await dialog.getByLabel('Long side (px)').fill('300');
    await expect(dialog.getByTestId('export-size')).toContainText('300 × 200 px');
  });
  const avifInfo = await sharp(avif.bytes).metadata();
  expect([avifInfo.compression, avifInfo.width, avifInfo.height]).toEqual(['av1', 300, 200]);

  // Metadata: the generated layer's provider and seed as XMP in JPEG, and as PNG text; gone when stripped.
  const jpeg = await exportWith(page, async (dialog) => {
    await dialog.getByLabel('Format').selectOption('jpeg');
    await dialog.getByLabel('Size').selectOption('full');
  });
  const xmp = (await sharp(jpeg.bytes).metadata()).xmp?.toString('utf8') ?? '';
  expect(xmp).toContain('<infill:provider>offline-smooth</infill:provider>');
  expect(xmp).toMatch(/<infill:seed>\d+<\/infill:seed>/);
  const png = await exportWith(page, (dialog) => dialog.getByLabel('Format').selectOption('png'));
  expect(readPngText(png.bytes)['infill:provider']).toBe('offline-smooth');
  const stripped = await exportWith(page, (dialog) => dialog.getByLabel('Strip metadata').check());
  expect(readPngText(stripped.bytes)).toEqual({});
  const strippedJpeg = await exportWith(page, (dialog) => dialog.getByLabel('Format').selectOption('jpeg'));
  expect((await sharp(strippedJpeg.bytes).metadata()).xmp).toBeUndefined();
  const strippedPsd = await exportWith(page, (dialog) => dialog.getByLabel('Format').selectOption('psd'));
  expect(readPsd(strippedPsd.bytes, { skipLayerImageData: true, skipCompositeImageData: true, skipThumbnail: true }).imageResources?.xmpMetadata).toBeUndefined();

  // The selected layer alone, at its own size.
  const generated = layerRows(page).first();
  await generated.locator('.layer-name').click();
  const layerFile = await exportWith(page, async (dialog) => {
    await dialog.getByLabel('Format').selectOption('png');
    await dialog.getByLabel('What to export').selectOption('layer');
    await page.screenshot({ path: testInfo.outputPath('export-dialog.png') });
  });
  const layerInfo = await sharp(layerFile.bytes).metadata();
  expect(layerInfo.width).toBeLessThan(600);
  expect(layerFile.name).toBe('coffee-layer.png');

  // Copy merged image (Mod+Shift+C) puts the flattened 600×400 PNG on the clipboard.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.keyboard.press('Control+Shift+C');
  await expect(page.getByText('Copied the merged image (600×400) to the clipboard.')).toBeVisible();
  const size = await page.evaluate(async () => {
    const items = await navigator.clipboard.read();
    const blob = await items[0]!.getType('image/png');
    const bitmap = await createImageBitmap(blob);
    return [bitmap.width, bitmap.height];
  });
  expect(size).toEqual([600, 400]);
  await expect(exportDialog(page)).toBeHidden();
});
