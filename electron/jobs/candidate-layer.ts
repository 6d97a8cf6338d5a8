import type { Rect } from '../../shared/geometry.ts';
import type { RgbaImage } from './provider.ts';
import { maskBounds } from '../../shared/mask-bounds.ts';

/**
 * Turns a provider's answer into the pixels of a new layer: the answer's colours with the
 * blend mask as alpha, cropped to where that mask is non-zero. Everywhere else the layer is
 * absent, which is what keeps every pixel outside the mask bit-identical once flattened,
 * even when the provider repainted the whole region.
 */
export function candidateLayerPixels(
  answer: RgbaImage,
  blendMask: Uint8Array,
  region: Rect,
): { image: RgbaImage; rect: Rect } | null {
  const bounds = maskBounds(blendMask, answer.width, answer.height);
  if (!bounds) return null;
  const data = new Uint8Array(bounds.width * bounds.height * 4);
  for (let y = 0; y < bounds.height; y++) {
    for (let x = 0; x < bounds.width; x++) {
      const m = (bounds.y + y) * answer.width + bounds.x + x;
      const weight = blendMask[m]!;
      if (weight === 0) continue;
      const s = m * 4;
      const d = (y * bounds.width + x) * 4;
      data[d] = answer.data[s]!;
      data[d + 1] = answer.data[s + 1]!;
      data[d + 2] = answer.data[s + 2]!;
      data[d + 3] = Math.round((weight * answer.data[s + 3]!) / 255);
    }
  }
  return {
    image: { width: bounds.width, height: bounds.height, data },
    rect: { x: region.x + bounds.x, y: region.y + bounds.y, width: bounds.width, height: bounds.height },
  };
}
