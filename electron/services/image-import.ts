import type { AssetInfo } from '../../shared/contract/schemas.ts';
import { InfillError } from '../../shared/errors.ts';
import type { AssetStore } from './asset-store.ts';
import { checkDecodes, decodeRgba, encodeRgba, probeImage } from './image-codec.ts';

export interface ImportOptions {
  /**
   * Keep the decoded pixels for what comes next: a photo opened as a document, or an image a
   * CLI run fills at once. Its full decode is then the check for damage, and the first fill
   * does not decode it again; pasted layers are decoded only when a job needs them.
   */
  keepPixels?: boolean;
}

/**
 * Opens a file the person chose: the header is checked first (format, size), then the whole
 * image is read, so a truncated or damaged file is refused here, with a message naming it,
 * before anything reaches the document.
 *
 * Formats Chromium shows natively keep their original bytes (no re-encode: a 24 MP JPEG opens
 * fast and stays the file it was); TIFF and AVIF are stored as PNG of the decoded pixels.
 */
export async function importImage(store: AssetStore, name: string, bytes: Uint8Array, options: ImportOptions = {}): Promise<AssetInfo> {
  const probe = await probeImage(bytes, name);
  // Chromium applies EXIF orientation itself only where it reliably reads it (JPEG).
  const keepOriginal = probe.displayMime !== undefined && (probe.format === 'jpeg' || probe.orientation === 1);
  // A pasted image's decoded pixels are not kept: every layer would otherwise stay in main twice
  // (encoded and decoded), though most are only ever shown; a fill or export that needs them
  // decodes them once through `readRgba`. The check for damage is a shrinking decode.
  if (keepOriginal && !options.keepPixels) {
    await checkDecodes(bytes, name);
    return store.put(bytes, { width: probe.width, height: probe.height, mime: probe.displayMime! });
  }
  const rgba = await decodeRgba(bytes, name);
  if (rgba.width !== probe.width || rgba.height !== probe.height) {
    throw new InfillError('CORRUPT_IMAGE', `“${name}” decodes to a different size than its header says.`, { name, context: 'sizeMismatch' });
  }
  // Decoded now rather than in the background while the photo goes on screen: on two cores the
  // two decodes slowed a fill started right after opening (2.4× a bare decode instead of 2.2×).
  if (keepOriginal) return store.put(bytes, { width: rgba.width, height: rgba.height, mime: probe.displayMime! }, rgba);
  const png = await encodeRgba(rgba, 'png', 100, { fast: true });
  return store.put(png, { width: rgba.width, height: rgba.height, mime: 'image/png' }, options.keepPixels ? rgba : undefined);
}

