import type { RgbaImage } from '../../jobs/provider.ts';

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

/** Copies the original wherever the blend is 0, so a runner that ignores blendMask still keeps them. */
export function keepOutsideBlend(original: RgbaImage, result: RgbaImage, blend: Uint8Array): RgbaImage {
  const out = new Uint8Array(result.data);
  for (let i = 0; i < blend.length; i++) {
    if ((blend[i] ?? 0) !== 0) continue;
    out.set(original.data.subarray(i * 4, i * 4 + 4), i * 4);
  }
  return { width: result.width, height: result.height, data: out };
}
