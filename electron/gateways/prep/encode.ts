import sharp from 'sharp';
import { InfillError } from '../../../shared/errors.ts';
import type { GatewayProtocol } from '../../../shared/gateway/profile.ts';
import type { Rect } from '../../../shared/geometry.ts';
import type { Size } from '../../../shared/gateway/model-sizes.ts';
import type { RgbaImage } from '../../services/rgba-image.ts';
import type { EncodedImage } from '../adapters/types.ts';
import { maskForProtocol } from './mask-polarity.ts';
import type { PayloadPlan } from './payload-budget.ts';

/**
 * Encoding for upload. Everything sent is 8-bit sRGB PNG, JPEG or WebP made here from raw
 * pixels, so BMP, TIFF, HEIC, 16-bit or CMYK files never reach a relay as they are (the 400
 * "unsupported media" users hit).
 */

/** Where the crop is transparent (outpainting into empty canvas) the model sees neutral grey. */
const FILL = { r: 128, g: 128, b: 128 };

const mimes = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' } as const;

export async function encodeImageForUpload(image: RgbaImage, plan: PayloadPlan): Promise<EncodedImage> {
  let pipeline = sharp(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength), {
    raw: { width: image.width, height: image.height, channels: 4 },
  });
  if (image.width !== plan.size.width || image.height !== plan.size.height) {
    pipeline = pipeline.resize(plan.size.width, plan.size.height, { fit: 'fill', kernel: 'lanczos3' });
  }
  pipeline = pipeline.flatten({ background: FILL });
  // dall-e-2 insists on RGBA; flatten first so transparent areas don't carry stale colours.
  pipeline = plan.alpha ? pipeline.ensureAlpha(1) : pipeline.removeAlpha();
  pipeline = pipeline.toColourspace('srgb');
  const bytes =
    plan.format === 'png'
      ? await pipeline.png({ compressionLevel: 6, adaptiveFiltering: true }).toBuffer()
      : plan.format === 'jpeg'
        ? await pipeline.jpeg({ quality: plan.quality, chromaSubsampling: plan.quality >= 90 ? '4:4:4' : '4:2:0' }).toBuffer()
        : await pipeline.webp({ quality: plan.quality }).toBuffer();
  return { bytes: new Uint8Array(bytes), mime: mimes[plan.format], width: plan.size.width, height: plan.size.height };
}

/**
 * The edit area, resized to the upload size and put in the protocol's polarity. Resizing is
 * linear and then any pixel touched counts as edit, so downscaling can only grow the area the
 * model may repaint, never shrink it under the blend mask.
 */
export async function encodeMaskForUpload(editArea: Uint8Array, from: Size, to: Size, protocol: GatewayProtocol, box?: Rect): Promise<EncodedImage> {
  let scaled = editArea;
  if (from.width !== to.width || from.height !== to.height) {
    // With `box` (outside it the edit area is 0), only the box's footprint at upload size is
    // resized, with a margin wider than the kernel's reach; the rest of the upload mask is 0 in
    // the whole resize too, so the result is the same bytes.
    const part = box ? scaleBox(box, from, to, 4) : undefined;
    let pipeline = sharp(Buffer.from(editArea.buffer, editArea.byteOffset, editArea.byteLength), { raw: { width: from.width, height: from.height, channels: 1 } })
      .resize(to.width, to.height, { fit: 'fill', kernel: 'linear' });
    if (part) pipeline = pipeline.extract({ left: part.x, top: part.y, width: part.width, height: part.height });
    const raw = await pipeline
      // sharp widens one-channel raw input to sRGB on the way through; ask for one channel back.
      .extractChannel(0)
      .raw()
      .toBuffer({ resolveWithObject: true });
    const out = part ?? { x: 0, y: 0, ...to };
    if (raw.info.channels !== 1 || raw.data.length !== out.width * out.height) throw new Error('mask resize returned an unexpected layout');
    scaled = new Uint8Array(raw.data.buffer, raw.data.byteOffset, raw.data.byteLength);
    if (part) {
      const full = new Uint8Array(to.width * to.height);
      for (let y = 0; y < part.height; y++) full.set(scaled.subarray(y * part.width, (y + 1) * part.width), (y + part.y) * to.width + part.x);
      scaled = full;
    }
  }
  const polarized = maskForProtocol(protocol, scaled);
  let maskImage = sharp(Buffer.from(polarized.data), { raw: { width: to.width, height: to.height, channels: polarized.channels } });
  // Keep a one-channel mask greyscale in the file too (sharp would write it as RGB).
  if (polarized.channels === 1) maskImage = maskImage.toColourspace('b-w');
  // Level 6: a binary mask is long flat runs, level 9 only adds time (17–54 ms → a few ms).
  const png = await maskImage.png({ compressionLevel: 6 }).toBuffer();
  return { bytes: new Uint8Array(png), mime: 'image/png', width: to.width, height: to.height };
}

/** `box` (in `from` pixels) at `to` scale, grown by `margin` pixels and clipped. */
function scaleBox(box: Rect, from: Size, to: Size, margin: number): Rect {
  const sx = to.width / from.width;
  const sy = to.height / from.height;
  const x0 = Math.max(0, Math.floor(box.x * sx) - margin);
  const y0 = Math.max(0, Math.floor(box.y * sy) - margin);
  const x1 = Math.min(to.width, Math.ceil((box.x + box.width) * sx) + margin);
  const y1 = Math.min(to.height, Math.ceil((box.y + box.height) * sy) + margin);
  return { x: x0, y: y0, width: Math.max(1, x1 - x0), height: Math.max(1, y1 - y0) };
}

/** Any image file sharp can read (TIFF, CMYK JPEG, 16-bit PNG, HEIF where built in) → sRGB PNG. */
export async function normalizeForUpload(bytes: Uint8Array): Promise<EncodedImage> {
  try {
    const { data, info } = await sharp(bytes).rotate().toColourspace('srgb').png().toBuffer({ resolveWithObject: true });
    return { bytes: new Uint8Array(data), mime: 'image/png', width: info.width, height: info.height };
  } catch {
    throw new InfillError('UNSUPPORTED_FORMAT', 'This image format cannot be converted for upload.');
  }
}

/**
 * Decodes a returned image and resizes it to the crop's size, as straight RGBA. With `box`, only
 * that part of the resized image is produced (libvips computes just the pixels asked for, each
 * the same as in the whole resize): the answer matters only where it is blended or measured.
 */
export async function decodeToSize(bytes: Uint8Array, size: Size, gatewayName: string, box?: Rect): Promise<RgbaImage> {
  try {
    let pipeline = sharp(bytes).toColourspace('srgb').ensureAlpha().resize(size.width, size.height, { fit: 'fill', kernel: 'lanczos3' });
    const part = box && (box.width !== size.width || box.height !== size.height) ? box : undefined;
    if (part) pipeline = pipeline.extract({ left: part.x, top: part.y, width: part.width, height: part.height });
    const { data } = await pipeline.raw().toBuffer({ resolveWithObject: true });
    const out = part ?? size;
    if (data.length !== out.width * out.height * 4) throw new Error('unexpected layout');
    return { width: out.width, height: out.height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  } catch {
    throw new InfillError('BAD_RESPONSE', `${gatewayName} returned an image Infill cannot decode; nothing was changed.`, { context: 'undecodable', gateway: gatewayName });
  }
}

/**
 * The crop sent to `via` and back, as the answer was: the reference for colour statistics, so
 * the softening of two resizes is not mistaken for a contrast change by the model.
 */
export async function resampleRoundTrip(image: RgbaImage, via: Size): Promise<RgbaImage> {
  if (image.width === via.width && image.height === via.height) return image;
  const there = await sharp(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength), { raw: { width: image.width, height: image.height, channels: 4 } })
    .resize(via.width, via.height, { fit: 'fill', kernel: 'lanczos3' })
    .raw()
    .toBuffer();
  const back = await sharp(there, { raw: { width: via.width, height: via.height, channels: 4 } })
    .resize(image.width, image.height, { fit: 'fill', kernel: 'lanczos3' })
    .raw()
    .toBuffer();
  return { width: image.width, height: image.height, data: new Uint8Array(back.buffer, back.byteOffset, back.byteLength) };
}
