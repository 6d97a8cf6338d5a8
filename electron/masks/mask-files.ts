import sharp from 'sharp';
import type { MaskInput } from '../../shared/contract/schemas.ts';
import { InfillError } from '../../shared/errors.ts';
import type { Rect } from '../../shared/geometry.ts';
import { maskFromRgba } from '../cli/read-mask.ts';
import type { RgbaImage } from '../jobs/provider.ts';
import type { AssetStore } from '../services/asset-store.ts';
import { decodeRgba, probeImage } from '../services/image-codec.ts';
import { cropToContent } from './mask-adjust.ts';

/**
 * Masks as files and as assets. A raster mask record names an asset whose alpha is the mask
 * (white pixels, so the renderer can tint it); a saved mask PNG is greyscale, white = change,
 * at the canvas's size, the convention `infill inpaint --mask` reads.
 */

/** Stores a mask as an asset (white, alpha = mask) and returns what a raster record needs. */
export async function storeMaskAsset(assets: AssetStore, mask: MaskInput): Promise<{ assetId: string; rect: Rect }> {
  const rgba = new Uint8Array(mask.width * mask.height * 4).fill(255);
  for (let i = 0; i < mask.alpha.length; i++) rgba[i * 4 + 3] = mask.alpha[i]!;
  const bytes = new Uint8Array(
    await sharp(rgba, { raw: { width: mask.width, height: mask.height, channels: 4 } }).png({ compressionLevel: 1 }).toBuffer(),
  );
  const info = await assets.put(bytes, { width: mask.width, height: mask.height, mime: 'image/png' });
  return { assetId: info.assetId, rect: { x: mask.x, y: mask.y, width: mask.width, height: mask.height } };
}

/** The whole canvas as a greyscale PNG: white where the mask is set (soft values kept). */
export async function encodeMaskPng(canvas: Rect, mask: MaskInput | null): Promise<Uint8Array> {
  const grey = new Uint8Array(canvas.width * canvas.height);
  if (mask) {
    for (let y = 0; y < mask.height; y++) {
      const docY = mask.y + y - canvas.y;
      if (docY < 0 || docY >= canvas.height) continue;
      for (let x = 0; x < mask.width; x++) {
        const docX = mask.x + x - canvas.x;
        if (docX >= 0 && docX < canvas.width) grey[docY * canvas.width + docX] = mask.alpha[y * mask.width + x]!;
      }
    }
  }
  return new Uint8Array(await sharp(grey, { raw: { width: canvas.width, height: canvas.height, channels: 1 } }).png().toBuffer());
}

export interface LoadedMask {
  mask: MaskInput;
  /** Set when the file's size differed from the canvas and it was scaled to fit. */
  scaledFrom?: { width: number; height: number };
}

/** Reads a mask image (white = change) onto the canvas, scaling it when its size differs. */
export async function readMaskPng(bytes: Uint8Array, name: string, canvas: Rect): Promise<LoadedMask> {
  await probeImage(bytes, name);
  let rgba: RgbaImage = await decodeRgba(bytes, name);
  const original = { width: rgba.width, height: rgba.height };
  const scaled = original.width !== canvas.width || original.height !== canvas.height;
  if (scaled) {
    const data = await sharp(rgba.data, { raw: { width: rgba.width, height: rgba.height, channels: 4 } })
      .resize(canvas.width, canvas.height, { fit: 'fill' })
      .raw()
      .toBuffer();
    rgba = { width: canvas.width, height: canvas.height, data: new Uint8Array(data) };
  }
  const mask = cropToContent({ x: canvas.x, y: canvas.y, width: canvas.width, height: canvas.height, alpha: maskFromRgba(rgba, 'luminance') });
  if (!mask) throw new InfillError('EMPTY_MASK', `The mask “${name}” has no white pixels (white marks the area to change).`);
  return scaled ? { mask, scaledFrom: original } : { mask };
}
