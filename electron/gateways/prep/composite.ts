import type { Rect } from '../../../shared/geometry.ts';
import type { RgbaImage } from '../../services/rgba-image.ts';

/**
 * `original + (result − original)·a/255`, per channel, alpha included. Where a = 0 the original
 * byte is copied, so everything outside the blend mask is bit-identical by construction.
 */
export function compositeOver(original: RgbaImage, result: RgbaImage, blend: Uint8Array): RgbaImage {
  const out = new Uint8Array(original.data);
  for (let i = 0; i < blend.length; i++) {
    const a = blend[i] ?? 0;
    if (a === 0) continue;
    const o = i * 4;
    for (let c = 0; c < 4; c++) {
      const from = original.data[o + c] ?? 0;
      out[o + c] = a === 255 ? (result.data[o + c] ?? 0) : from + Math.round((((result.data[o + c] ?? 0) - from) * a) / 255);
    }
  }
  return { width: original.width, height: original.height, data: out };
}

/**
 * The original crop with `part` (the answer inside `box`) copied in wherever the blend is
 * non-zero; everything else, all of it outside `box` included, is the original byte for byte.
 */
export function keepInsideBlend(original: RgbaImage, part: RgbaImage, box: Rect, blend: Uint8Array): RgbaImage {
  const out = new Uint8Array(original.data);
  const src = part.data;
  const aligned = src.byteOffset % 4 === 0 && out.byteOffset % 4 === 0;
  const to = aligned ? new Uint32Array(out.buffer, out.byteOffset, out.length >> 2) : undefined;
  const from = aligned ? new Uint32Array(src.buffer, src.byteOffset, src.length >> 2) : undefined;
  for (let y = 0; y < box.height; y++) {
    const row = (y + box.y) * original.width + box.x;
    const partRow = y * box.width;
    for (let x = 0; x < box.width; x++) {
      if (blend[row + x] === 0) continue;
      if (to && from) {
        to[row + x] = from[partRow + x]!;
        continue;
      }
      const o = (row + x) * 4;
      const p = (partRow + x) * 4;
      out[o] = src[p]!;
      out[o + 1] = src[p + 1]!;
      out[o + 2] = src[p + 2]!;
      out[o + 3] = src[p + 3]!;
    }
  }
  return { width: original.width, height: original.height, data: out };
}
