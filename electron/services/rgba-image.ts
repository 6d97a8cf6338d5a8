/** Straight-alpha RGBA pixels: what every decoder, engine, provider and compositor passes around. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}
