import sharp from 'sharp';
import { longSideForDetail, type VisionDetail } from '../../../shared/vision/vision-contract.ts';
import type { RgbaImage } from '../../jobs/provider.ts';
import type { VisionImage } from './vision-types.ts';

/**
 * The picture a vision model sees, as production vision clients prepare it: never larger than
 * the detail level's long side (512 / 1024 / 2048 px; vision tokens are billed by size), JPEG
 * q85, and for a suggestion the mask drawn as a red outline so the model knows the region
 * without losing what is under it.
 */

export const VISION_JPEG_QUALITY = 85;
export const OUTLINE_RGB = [255, 0, 0] as const;
/** Empty canvas (an extension not yet filled) shows as neutral grey, not black. */
const EMPTY_RGB = { r: 128, g: 128, b: 128 };

/** The long side the picture is brought down to (never up). */
export function targetSize(width: number, height: number, detail: VisionDetail): { width: number; height: number } {
  const limit = longSideForDetail[detail];
  const scale = Math.min(1, limit / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * Marks the pixels within `radius` of the mask's edge (inside the painted area), in place:
 * an edge pixel is painted with a 4-neighbour outside it; a separable box dilation thickens it.
 */
export function drawMaskOutline(image: RgbaImage, mask: Uint8Array, radius: number): void {
  const { width, height } = image;
  const inside = (x: number, y: number): boolean => x >= 0 && y >= 0 && x < width && y < height && (mask[y * width + x] ?? 0) >= 128;
  const edge = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (inside(x, y) && (!inside(x - 1, y) || !inside(x + 1, y) || !inside(x, y - 1) || !inside(x, y + 1))) edge[y * width + x] = 1;
    }
  }
  const wide = dilate(edge, width, height, radius);
  for (let i = 0; i < wide.length; i++) {
    if (!wide[i]) continue;
    image.data[i * 4] = OUTLINE_RGB[0];
    image.data[i * 4 + 1] = OUTLINE_RGB[1];
    image.data[i * 4 + 2] = OUTLINE_RGB[2];
    image.data[i * 4 + 3] = 255;
  }
}

/** Box dilation by `radius` with running counts: O(pixels) whatever the radius. */
function dilate(bits: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  const pass = (src: Uint8Array, length: number, lines: number, index: (line: number, at: number) => number): Uint8Array => {
    const out = new Uint8Array(src.length);
    for (let line = 0; line < lines; line++) {
      let count = 0;
      for (let at = 0; at < Math.min(radius, length); at++) count += src[index(line, at)] ?? 0;
      for (let at = 0; at < length; at++) {
        const enter = at + radius;
        const leave = at - radius - 1;
        if (enter < length) count += src[index(line, enter)] ?? 0;
        if (leave >= 0) count -= src[index(line, leave)] ?? 0;
        if (count > 0) out[index(line, at)] = 1;
      }
    }
    return out;
  };
  const rows = pass(bits, width, height, (y, x) => y * width + x);
  return pass(rows, height, width, (x, y) => y * width + x);
}

/** RGBA (straight alpha) → the JPEG the model gets, downscaled for the detail level. */
export async function encodeVisionImage(image: RgbaImage, detail: VisionDetail): Promise<VisionImage> {
  const size = targetSize(image.width, image.height, detail);
  const bytes = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 4 } })
    .flatten({ background: EMPTY_RGB })
    .resize(size.width, size.height, { fit: 'fill', kernel: 'lanczos3' })
    .jpeg({ quality: VISION_JPEG_QUALITY })
    .toBuffer();
  return { bytes: new Uint8Array(bytes), mime: 'image/jpeg', ...size };
}

/**
 * A file as the vision model gets it (the CLI): any format sharp reads — TIFF, AVIF, 16-bit,
 * CMYK — turned upright, into sRGB 8-bit, downscaled and JPEG q85; the APIs take none of those as is.
 */
export async function encodeVisionFile(bytes: Uint8Array, detail: VisionDetail): Promise<VisionImage> {
  const base = sharp(bytes, { limitInputPixels: 100_000_000 }).rotate();
  const meta = await sharp(bytes).metadata();
  const turned = (meta.orientation ?? 1) >= 5;
  const width = (turned ? meta.height : meta.width) ?? 1;
  const height = (turned ? meta.width : meta.height) ?? 1;
  const size = targetSize(width, height, detail);
  const out = await base
    .toColourspace('srgb')
    .flatten({ background: EMPTY_RGB })
    .resize(size.width, size.height, { fit: 'fill', kernel: 'lanczos3' })
    .jpeg({ quality: VISION_JPEG_QUALITY })
    .toBuffer({ resolveWithObject: true });
  return { bytes: new Uint8Array(out.data), mime: 'image/jpeg', width: out.info.width, height: out.info.height };
}
