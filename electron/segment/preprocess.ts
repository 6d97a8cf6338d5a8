/**
 * The encoder's input, as segment-anything defines it: the longest side resized to 1024, the
 * rest zero-padded (bottom and right), each channel normalised with ImageNet's mean and
 * standard deviation in 0…255 units. Padding is zero after normalisation, as in SAM's own
 * preprocessing, and points are scaled by the same factor (no offset: the image sits at 0, 0).
 */
export const MODEL_SIDE = 1024;
const MEAN = [123.675, 116.28, 103.53] as const;
const STD = [58.395, 57.12, 57.375] as const;

export interface ModelFrame {
  /** Model pixels per image pixel. */
  scale: number;
  /** The resized image inside the 1024² frame. */
  width: number;
  height: number;
}

/** Where an image of this size lands in the model's frame. */
export function modelFrame(width: number, height: number): ModelFrame {
  const scale = MODEL_SIDE / Math.max(width, height);
  return { scale, width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** The encoder tensor [1, 3, 1024, 1024] from resized RGB or RGBA pixels (`channels` per pixel). */
export function encoderTensor(pixels: Uint8Array, width: number, height: number, channels: 3 | 4): Float32Array {
  const plane = MODEL_SIDE * MODEL_SIDE;
  const out = new Float32Array(3 * plane);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const s = (y * width + x) * channels;
      const d = y * MODEL_SIDE + x;
      out[d] = (pixels[s]! - MEAN[0]) / STD[0];
      out[plane + d] = (pixels[s + 1]! - MEAN[1]) / STD[1];
      out[2 * plane + d] = (pixels[s + 2]! - MEAN[2]) / STD[2];
    }
  }
  return out;
}
