import sharp, { type Metadata } from 'sharp';
import { MAX_IMAGE_PIXELS } from '../../shared/contract/schemas.ts';
import { InfillError } from '../../shared/errors.ts';
import type { RgbaImage } from './rgba-image.ts';

/** Formats Infill opens, by sharp's decoder name. `heif` is accepted only when it is AVIF. */
const OPENABLE = new Set(['jpeg', 'png', 'webp', 'gif', 'tiff', 'heif']);
/** Formats Chromium decodes itself, so their original bytes can be shown without re-encoding. */
const BROWSER_DISPLAYABLE: Record<string, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
};

export interface ProbedImage {
  format: string;
  /** Width and height after EXIF orientation. */
  width: number;
  height: number;
  /** The MIME type to keep the original bytes under, or undefined when they must be converted. */
  displayMime: string | undefined;
  /** EXIF orientation, 1 when absent. */
  orientation: number;
}

/** What a file sharp cannot open looks like, from its first bytes. */
function formatKind(bytes: Uint8Array): 'bmp' | 'heic' | 'pdf' | undefined {
  const head = Buffer.from(bytes.subarray(0, 12));
  if (head.subarray(0, 2).toString('latin1') === 'BM') return 'bmp';
  if (head.subarray(4, 12).toString('latin1').startsWith('ftyphei')) return 'heic';
  if (head.subarray(0, 4).toString('latin1') === '%PDF') return 'pdf';
  return undefined;
}

function describeFormat(kind: ReturnType<typeof formatKind>): string {
  return kind === 'bmp' ? 'a BMP image' : kind === 'heic' ? 'a HEIC photo' : kind === 'pdf' ? 'a PDF document' : 'not an image Infill can read';
}

const supportedList = 'PNG, JPEG, WebP, GIF, TIFF and AVIF';

/** Reads the header only: format and size, with specific errors for what cannot be opened. */
export async function probeImage(bytes: Uint8Array, name: string): Promise<ProbedImage> {
  if (bytes.length === 0) throw new InfillError('EMPTY_FILE', `“${name}” is empty (0 bytes).`, { name });
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    const kind = formatKind(bytes);
    throw new InfillError('UNSUPPORTED_FORMAT', `“${name}” is ${describeFormat(kind)}. Infill opens ${supportedList} files.`, { name, ...(kind ? { context: kind } : {}) });
  }
  const isAvif = metadata.format === 'heif' && metadata.compression === 'av1';
  if (!OPENABLE.has(metadata.format) || (metadata.format === 'heif' && !isAvif)) {
    const what = metadata.format === 'heif' ? 'a HEIC photo' : `${withArticle(metadata.format.toUpperCase())} file`;
    throw new InfillError('UNSUPPORTED_FORMAT', `“${name}” is ${what}. Infill opens ${supportedList} files.`, metadata.format === 'heif' ? { name, context: 'heic' } : { name, context: 'known', format: metadata.format.toUpperCase() });
  }
  const width = metadata.autoOrient?.width ?? metadata.width;
  const height = metadata.autoOrient?.height ?? metadata.height;
  if (!width || !height) throw new InfillError('CORRUPT_IMAGE', `“${name}” has no readable image size.`, { name, context: 'noSize' });
  if (width * height > MAX_IMAGE_PIXELS) {
    throw new InfillError(
      'IMAGE_TOO_LARGE',
      `“${name}” is ${width}×${height} (${Math.round((width * height) / 1e6)} MP); Infill opens images up to ${MAX_IMAGE_PIXELS / 1e6} MP.`,
      { name, width, height, pixels: width * height, maxPixels: MAX_IMAGE_PIXELS },
    );
  }
  // A CMYK JPEG is converted by Chromium and by libvips with different maths (inverted Adobe
  // CMYK, no profile): showing its original bytes would show other colours than fill and export
  // use, so it is shown from the same decoded sRGB pixels they work on.
  const displayMime = isAvif ? 'image/avif' : metadata.space === 'cmyk' ? undefined : BROWSER_DISPLAYABLE[metadata.format];
  return { format: isAvif ? 'avif' : metadata.format, width, height, displayMime, orientation: metadata.orientation ?? 1 };
}

/** Pixel buffers known to have alpha 255 everywhere (decoded from a file without alpha). */
const opaquePixels = new WeakSet<Uint8Array>();

/** Whether every pixel of `image` is known to be opaque, without looking at the pixels. */
export function isKnownOpaque(image: RgbaImage): boolean {
  return opaquePixels.has(image.data);
}

/** Decodes the whole image (first frame, EXIF orientation applied) to 8-bit straight RGBA. */
export async function decodeRgba(bytes: Uint8Array, name = 'image', size?: { width: number; height: number }): Promise<RgbaImage> {
  try {
    const decoder = sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, autoOrient: true });
    // The header says whether there is an alpha channel at all; without one, ensureAlpha makes
    // every pixel 255, which lets flattening copy whole rows (see flatten.ts).
    const { hasAlpha } = await decoder.metadata();
    // Resizing in the decoder lets libvips shrink a JPEG while it decodes it (a thumbnail of a
    // 24 MP photo never holds its 96 MB of pixels).
    const sized = size ? decoder.resize(size.width, size.height, { fit: 'fill' }) : decoder;
    const { data, info } = await sized
      .toColourspace('srgb')
      .ensureAlpha()
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    const image = { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
    if (!hasAlpha) opaquePixels.add(image.data);
    return image;
  } catch (error) {
    throw damagedImage(name, error);
  }
}

/**
 * Reads the whole image to refuse a damaged file, without handing the pixels over: libvips
 * streams through it and shrinks it to one pixel, so checking a pasted or opened photo does not
 * leave 4 bytes a pixel of garbage in main. A JPEG is shrunk while it decodes (every block's
 * data is still read, so a truncated or damaged file fails as a full decode would), which also
 * makes the check several times faster than a full decode.
 */
export async function checkDecodes(bytes: Uint8Array, name = 'image'): Promise<void> {
  try {
    await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS }).resize(1, 1, { fit: 'fill' }).raw().toBuffer();
  } catch (error) {
    throw damagedImage(name, error);
  }
}

function damagedImage(name: string, error: unknown): InfillError {
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new InfillError('CORRUPT_IMAGE', `“${name}” is damaged or incomplete and cannot be opened (${reason}).`, { name, reason: reason ?? '' });
}

export type EncodeFormat = 'png' | 'jpeg' | 'webp' | 'avif';

export interface EncodeOptions {
  /** PNG only: the fastest compression, for temporary files and project saves on the clock. */
  fast?: boolean;
  /** Resample to this size first (Lanczos), for exports at 50 % or a given long side. */
  resize?: { width: number; height: number };
  /** An XMP packet to embed (JPEG, WebP and AVIF; PNG text goes in text chunks instead). */
  xmp?: string;
}

/** Encodes straight RGBA. JPEG has no alpha, so transparency is flattened onto white. */
export async function encodeRgba(image: RgbaImage, format: EncodeFormat, quality = 92, options: EncodeOptions = {}): Promise<Uint8Array> {
  let pipeline = sharp(image.data, { raw: { width: image.width, height: image.height, channels: 4 }, limitInputPixels: false });
  if (options.resize && (options.resize.width !== image.width || options.resize.height !== image.height)) {
    pipeline = pipeline.resize(options.resize.width, options.resize.height, { fit: 'fill', kernel: 'lanczos3' });
  }
  if (options.xmp) pipeline = pipeline.withXmp(options.xmp);
  let out: Buffer;
  if (format === 'png') out = await pipeline.png({ compressionLevel: options.fast ? 1 : 6 }).toBuffer();
  else if (format === 'webp') out = await pipeline.webp({ quality }).toBuffer();
  else if (format === 'avif') out = await pipeline.avif({ quality, effort: 2 }).toBuffer();
  else out = await pipeline.flatten({ background: '#ffffff' }).jpeg({ quality, mozjpeg: false }).toBuffer();
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

export const mimeForFormat: Record<EncodeFormat, string> = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp', avif: 'image/avif' };

/**
 * "an SVG", "a PDF": format names are read letter by letter, so the article follows how the
 * first letter sounds (ef, aitch, el, em, en, ess, ex start with a vowel sound).
 */
export function withArticle(acronym: string): string {
  return `${/^[AEFHILMNORSX]/i.test(acronym) ? 'an' : 'a'} ${acronym}`;
}
