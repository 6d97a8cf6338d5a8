import type { LayerSnapshot } from '../../shared/contract/schemas.ts';
import { intersectRects, isEmptyRect, type Rect } from '../../shared/geometry.ts';
import type { RgbaImage } from './rgba-image.ts';
import { isKnownOpaque } from './image-codec.ts';

/**
 * Flattens layers (bottom first) into the pixels of `region`, in document coordinates.
 *
 * Hand-written rather than sharp's `composite` because Infill promises that a pixel a layer
 * leaves transparent comes out bit-identical, and that holds only if such pixels are skipped,
 * not blended; it also needs per-layer opacity and layers placed at any offset, including
 * partly outside the region.
 */
export async function flattenRegion(
  layers: readonly LayerSnapshot[],
  region: Rect,
  readRgba: (assetId: string) => Promise<RgbaImage>,
): Promise<RgbaImage> {
  const out: RgbaImage = { width: region.width, height: region.height, data: new Uint8Array(region.width * region.height * 4) };
  for (const layer of layers) {
    if (!layer.visible || layer.opacity <= 0) continue;
    const source = await readRgba(layer.assetId);
    drawOver(out, region, source, layer.x, layer.y, layer.opacity);
  }
  return out;
}

/** Composites `source`, placed at (x, y) in document pixels, over `target` which covers `region`. */
export function drawOver(target: RgbaImage, region: Rect, source: RgbaImage, x: number, y: number, opacity: number): void {
  const overlap = intersectRects(region, { x, y, width: source.width, height: source.height });
  if (isEmptyRect(overlap)) return;
  const dst = target.data;
  const src = source.data;
  const alphaScale = Math.round(Math.min(1, Math.max(0, opacity)) * 255);
  // At full opacity an opaque source pixel replaces the target pixel as is (the `sa === 255`
  // branch below), so a row with no transparency at all is one copy. Known-opaque sources
  // (decoded from files without alpha) skip the check; others are checked row by row.
  const fullOpacity = alphaScale === 255;
  const knownOpaque = fullOpacity && isKnownOpaque(source);
  const words = fullOpacity && !knownOpaque && LITTLE_ENDIAN && src.byteOffset % 4 === 0 ? new Uint32Array(src.buffer, src.byteOffset, src.length >> 2) : undefined;
  const rowBytes = overlap.width * 4;
  for (let row = 0; row < overlap.height; row++) {
    const docY = overlap.y + row;
    let d = ((docY - region.y) * target.width + (overlap.x - region.x)) * 4;
    let s = ((docY - y) * source.width + (overlap.x - x)) * 4;
    if (knownOpaque || (words && rowIsOpaque(words, s >> 2, overlap.width))) {
      dst.set(src.subarray(s, s + rowBytes), d);
      continue;
    }
    for (let col = 0; col < overlap.width; col++, d += 4, s += 4) {
      const sa = alphaScale === 255 ? src[s + 3]! : Math.round((src[s + 3]! * alphaScale) / 255);
      if (sa === 0) continue;
      const da = dst[d + 3]!;
      if (sa === 255 || da === 0) {
        dst[d] = src[s]!;
        dst[d + 1] = src[s + 1]!;
        dst[d + 2] = src[s + 2]!;
        dst[d + 3] = sa;
        continue;
      }
      if (da === 255) {
        const inv = 255 - sa;
        dst[d] = Math.round((src[s]! * sa + dst[d]! * inv) / 255);
        dst[d + 1] = Math.round((src[s + 1]! * sa + dst[d + 1]! * inv) / 255);
        dst[d + 2] = Math.round((src[s + 2]! * sa + dst[d + 2]! * inv) / 255);
        continue;
      }
      // Both partly transparent: the general straight-alpha "over".
      const a = sa / 255;
      const b = (da / 255) * (1 - a);
      const outA = a + b;
      dst[d] = Math.round((src[s]! * a + dst[d]! * b) / outA);
      dst[d + 1] = Math.round((src[s + 1]! * a + dst[d + 1]! * b) / outA);
      dst[d + 2] = Math.round((src[s + 2]! * a + dst[d + 2]! * b) / outA);
      dst[d + 3] = Math.round(outA * 255);
    }
  }
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Whether `count` pixels from word `start` all have alpha 255 (little-endian: alpha is the top byte). */
function rowIsOpaque(words: Uint32Array, start: number, count: number): boolean {
  for (let i = start, end = start + count; i < end; i++) if (words[i]! < 0xff000000) return false;
  return true;
}
