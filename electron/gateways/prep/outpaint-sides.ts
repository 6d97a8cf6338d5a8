import type { Rect } from '../../../shared/geometry.ts';
import type { Size } from '../../../shared/gateway/model-sizes.ts';
import type { RgbaImage } from '../../jobs/provider.ts';
import type { EncodedImage, OutpaintDirection } from '../adapters/types.ts';

/**
 * An extension for a JSON relay's outpaint model: the crop is the known picture (its opaque
 * pixels) with strips of empty canvas on some sides, and the mask also covers an overlap band
 * inside the picture. Outpaint models take only the known pixels, a direction and a width, so
 * the extension is sent one side at a time (each call extends the previous answer, which also
 * fills the corners), and Infill blends the overlap band itself with the usual feathered mask.
 */

export type Side = Exclude<OutpaintDirection, 'all'>;

export interface SideExtension {
  direction: Side;
  pixels: number;
}

export interface OutpaintBySideRequest {
  /** The known pixels, at upload scale. */
  image: EncodedImage;
  /** In call order; each extends the previous answer. */
  sides: SideExtension[];
  prompt: string;
  seed: number;
  n: number;
  /** The size the last answer must have (the whole crop at upload scale). */
  size: Size;
}

export interface ExtensionShape {
  /** The known (non-transparent) part of the crop. */
  known: Rect;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The bounding box of the crop's non-transparent pixels and the empty strips around it; undefined without any strip. */
export function extensionShape(image: RgbaImage): ExtensionShape | undefined {
  const { width, height, data } = image;
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if ((data[(y * width + x) * 4 + 3] ?? 0) === 0) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  if (x1 < 0) return undefined;
  const shape = { known: { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 }, left: x0, right: width - 1 - x1, top: y0, bottom: height - 1 - y1 };
  return shape.left + shape.right + shape.top + shape.bottom > 0 ? shape : undefined;
}

/**
 * The strips at upload scale (`to`), each at least 1 px when present, and the known part's size
 * there: the strips plus the known part add up to `to` exactly, so the last answer has `to`'s size.
 */
export function scaledSides(shape: ExtensionShape, from: Size, to: Size): { sides: SideExtension[]; knownSize: Size } {
  const sx = to.width / from.width;
  const sy = to.height / from.height;
  const scale = (px: number, s: number): number => (px > 0 ? Math.max(1, Math.round(px * s)) : 0);
  const sides: SideExtension[] = [
    { direction: 'left' as const, pixels: scale(shape.left, sx) },
    { direction: 'right' as const, pixels: scale(shape.right, sx) },
    { direction: 'top' as const, pixels: scale(shape.top, sy) },
    { direction: 'bottom' as const, pixels: scale(shape.bottom, sy) },
  ].filter((side) => side.pixels > 0);
  const total = (direction: Side): number => sides.find((s) => s.direction === direction)?.pixels ?? 0;
  return { sides, knownSize: { width: to.width - total('left') - total('right'), height: to.height - total('top') - total('bottom') } };
}
