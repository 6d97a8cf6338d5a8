import type { ModelFrame } from './preprocess.ts';

/** What a person asked for, in image pixels: points to include or exclude, and an optional box. */
export interface SegmentPrompt {
  points: readonly { x: number; y: number; include: boolean }[];
  box?: { x: number; y: number; width: number; height: number };
}

/** The decoder's point inputs: coordinates [1, N, 2] in the 1024 frame and labels [1, N]. */
export interface DecoderPoints {
  coords: Float32Array;
  labels: Float32Array;
  count: number;
}

/** SAM's point labels: 1 include, 0 exclude, 2 and 3 a box's corners, -1 padding. */
const INCLUDE = 1;
const EXCLUDE = 0;
const BOX_TOP_LEFT = 2;
const BOX_BOTTOM_RIGHT = 3;
const PADDING = -1;

/**
 * Scales the prompt into the model's frame. Without a box SAM expects one padding point at the
 * end (its ONNX export was traced that way); with a box the two corners take that place.
 */
export function decoderPoints(prompt: SegmentPrompt, frame: ModelFrame): DecoderPoints {
  const entries: [number, number, number][] = prompt.points.map((p) => [p.x * frame.scale, p.y * frame.scale, p.include ? INCLUDE : EXCLUDE]);
  if (prompt.box) {
    const { x, y, width, height } = prompt.box;
    entries.push([x * frame.scale, y * frame.scale, BOX_TOP_LEFT], [(x + width) * frame.scale, (y + height) * frame.scale, BOX_BOTTOM_RIGHT]);
  } else {
    entries.push([0, 0, PADDING]);
  }
  const coords = new Float32Array(entries.length * 2);
  const labels = new Float32Array(entries.length);
  entries.forEach(([x, y, label], i) => {
    coords[i * 2] = x;
    coords[i * 2 + 1] = y;
    labels[i] = label;
  });
  return { coords, labels, count: entries.length };
}

/** The decoder's logits → a mask (255 where the logit is positive), the model's own threshold. */
export function thresholdLogits(logits: Float32Array): Uint8Array {
  const mask = new Uint8Array(logits.length);
  for (let i = 0; i < logits.length; i++) mask[i] = logits[i]! > 0 ? 255 : 0;
  return mask;
}
