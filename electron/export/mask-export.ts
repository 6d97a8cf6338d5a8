import sharp from 'sharp';
import type { MaskInput } from '../../shared/contract/schemas.ts';
import { intersectRects, isEmptyRect, type Rect } from '../../shared/geometry.ts';

/**
 * The mask as a greyscale PNG the size of the canvas: white where the fill changes pixels,
 * black where it keeps them (the convention the CLI's `--mask` reads back).
 */
export async function exportMaskPng(canvas: Rect, mask: MaskInput): Promise<Uint8Array> {
  const grey = new Uint8Array(canvas.width * canvas.height);
  const overlap = intersectRects(canvas, mask);
  if (!isEmptyRect(overlap)) {
    for (let row = 0; row < overlap.height; row++) {
      const y = overlap.y + row;
      const from = (y - mask.y) * mask.width + (overlap.x - mask.x);
      grey.set(mask.alpha.subarray(from, from + overlap.width), (y - canvas.y) * canvas.width + (overlap.x - canvas.x));
    }
  }
  const out = await sharp(grey, { raw: { width: canvas.width, height: canvas.height, channels: 1 }, limitInputPixels: false })
    .toColourspace('b-w')
    .png({ compressionLevel: 6 })
    .toBuffer();
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
