import type { MaskInput } from '../../shared/contract/schemas.ts';
import { InfillError } from '../../shared/errors.ts';
import type { RgbaImage } from '../services/rgba-image.ts';
import { decodeRgba, probeImage } from '../services/image-codec.ts';

export type MaskConvention =
  /** White (luminance ≥ 128) = edit, black = keep; alpha is flattened onto black first. */
  | 'luminance'
  /** OpenAI's /images/edits convention: alpha 0 = edit, opaque = keep. */
  | 'alpha';

/**
 * Turns a mask file into the job runner's mask: 255 = change, 0 = keep. Thresholded, not soft:
 * a mask file is usually a drawing or an export from another tool, and a stray grey anti-aliased
 * edge should not half-apply a paid edit.
 */
export function maskFromRgba(image: RgbaImage, convention: MaskConvention): Uint8Array {
  const { data } = image;
  const out = new Uint8Array(image.width * image.height);
  for (let i = 0, p = 0; i < out.length; i++, p += 4) {
    const alpha = data[p + 3]!;
    if (convention === 'alpha') {
      out[i] = alpha === 0 ? 255 : 0;
      continue;
    }
    // Rec. 601 luma of the pixel composited onto black, so white strokes on transparency
    // (what most editors export) mark the edit area and transparent pixels keep.
    const luma = (0.299 * data[p]! + 0.587 * data[p + 1]! + 0.114 * data[p + 2]!) * (alpha / 255);
    out[i] = Math.round(luma) >= 128 ? 255 : 0;
  }
  return out;
}

/** Decodes the mask file and checks it against the image's size (after EXIF orientation, like the image). */
export async function readMaskFile(
  bytes: Uint8Array,
  name: string,
  expected: { width: number; height: number; name: string },
  convention: MaskConvention,
): Promise<MaskInput> {
  await probeImage(bytes, name);
  const rgba = await decodeRgba(bytes, name);
  if (rgba.width !== expected.width || rgba.height !== expected.height) {
    throw new InfillError(
      'INVALID_INPUT',
      `The mask “${name}” is ${rgba.width}×${rgba.height} but “${expected.name}” is ${expected.width}×${expected.height}; they must be the same size.`,
      { context: 'maskSize', name, width: rgba.width, height: rgba.height, image: expected.name, imageWidth: expected.width, imageHeight: expected.height },
    );
  }
  const alpha = maskFromRgba(rgba, convention);
  if (!alpha.some((v) => v > 0)) {
    const hint = convention === 'alpha' ? 'no transparent pixels (with --mask-alpha, alpha 0 marks the edit)' : 'no white pixels (white marks the area to change)';
    throw new InfillError('EMPTY_MASK', `The mask “${name}” has ${hint}.`, { context: convention === 'alpha' ? 'noTransparent' : 'noWhite', name });
  }
  return { x: 0, y: 0, width: rgba.width, height: rgba.height, alpha };
}
