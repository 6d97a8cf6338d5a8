/**
 * The image pyramid for coarse-to-fine completion. A level is an RGBA image plus its hole.
 * A coarse pixel is known if any of its fine pixels is, and is the average of its known fine
 * pixels only, so the hole's garbage never leaks into the sources while the hole does not
 * grow level by level (which would starve coarse levels of whole known patches).
 */
export interface PyramidLevel {
  width: number;
  height: number;
  rgba: Uint8Array;
  /** 1 = hole, 0 = known. */
  hole: Uint8Array;
}

export function downsampleLevel(fine: PyramidLevel): PyramidLevel {
  const width = Math.ceil(fine.width / 2);
  const height = Math.ceil(fine.height / 2);
  const rgba = new Uint8Array(width * height * 4);
  const hole = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      let known = 0;
      for (let dy = 0; dy < 2; dy++) {
        const fy = 2 * y + dy;
        if (fy >= fine.height) continue;
        for (let dx = 0; dx < 2; dx++) {
          const fx = 2 * x + dx;
          if (fx >= fine.width) continue;
          const fi = fy * fine.width + fx;
          if (fine.hole[fi]) continue;
          r += fine.rgba[fi * 4]!;
          g += fine.rgba[fi * 4 + 1]!;
          b += fine.rgba[fi * 4 + 2]!;
          a += fine.rgba[fi * 4 + 3]!;
          known++;
        }
      }
      const i = y * width + x;
      hole[i] = known === 0 ? 1 : 0;
      if (known > 0) {
        rgba[i * 4] = Math.round(r / known);
        rgba[i * 4 + 1] = Math.round(g / known);
        rgba[i * 4 + 2] = Math.round(b / known);
        rgba[i * 4 + 3] = Math.round(a / known);
      }
    }
  }
  return { width, height, rgba, hole };
}

/**
 * Writes a bilinear upsampling of the coarse level's pixels into the fine level's hole pixels
 * only: the starting guess for the fine level's EM iterations.
 */
export function upsampleIntoHole(coarse: PyramidLevel, fine: PyramidLevel): void {
  const cw = coarse.width;
  const ch = coarse.height;
  const src = coarse.rgba;
  for (let y = 0; y < fine.height; y++) {
    const cy = Math.min(ch - 1, Math.max(0, (y + 0.5) / 2 - 0.5));
    const y0 = Math.floor(cy);
    const y1 = Math.min(ch - 1, y0 + 1);
    const fy = cy - y0;
    for (let x = 0; x < fine.width; x++) {
      const i = y * fine.width + x;
      if (!fine.hole[i]) continue;
      const cx = Math.min(cw - 1, Math.max(0, (x + 0.5) / 2 - 0.5));
      const x0 = Math.floor(cx);
      const x1 = Math.min(cw - 1, x0 + 1);
      const fx = cx - x0;
      const a = (y0 * cw + x0) * 4;
      const b = (y0 * cw + x1) * 4;
      const c = (y1 * cw + x0) * 4;
      const d = (y1 * cw + x1) * 4;
      for (let k = 0; k < 4; k++) {
        const top = src[a + k]! + (src[b + k]! - src[a + k]!) * fx;
        const bottom = src[c + k]! + (src[d + k]! - src[c + k]!) * fx;
        fine.rgba[i * 4 + k] = Math.round(top + (bottom - top) * fy);
      }
    }
  }
}
