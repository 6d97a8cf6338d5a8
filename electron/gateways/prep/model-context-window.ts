import type { Rect } from '../../../shared/geometry.ts';
import type { ModelSpec } from '../../../shared/gateway/model-sizes.ts';
import { preferredRatio } from '../../../shared/gateway/model-sizes.ts';
import { COLOUR_RING_PX, MAX_TOUCH_PX } from './mask-ops.ts';

/**
 * The crop around the mask that the model sees. Models need context to match light and
 * texture, so the mask's box is padded (by default half its larger side, at least 64 px, and
 * always enough for the feather and the colour ring), then widened to the model's nearest
 * accepted aspect ratio so fitting it later stretches as little as possible.
 */

export interface ContextOptions {
  /** Padding as a fraction of the mask box's larger side. */
  paddingFactor: number;
  minPaddingPx: number;
}

export const defaultContextOptions: ContextOptions = { paddingFactor: 0.5, minPaddingPx: 64 };

function clampSpan(start: number, length: number, min: number, max: number): [number, number] {
  const span = Math.min(length, max - min);
  const from = Math.min(Math.max(start, min), max - span);
  return [from, span];
}

export function chooseContextWindow(maskBounds: Rect, canvas: Rect, spec: ModelSpec, options: ContextOptions = defaultContextOptions): Rect {
  const pad = Math.max(options.minPaddingPx, Math.round(options.paddingFactor * Math.max(maskBounds.width, maskBounds.height)), MAX_TOUCH_PX + COLOUR_RING_PX + 8);
  let width = maskBounds.width + 2 * pad;
  let height = maskBounds.height + 2 * pad;
  const ratio = preferredRatio({ width, height }, spec);
  if (width / height < ratio) width = Math.round(height * ratio);
  else height = Math.round(width / ratio);
  const cx = maskBounds.x + maskBounds.width / 2;
  const cy = maskBounds.y + maskBounds.height / 2;
  const [x, w] = clampSpan(Math.round(cx - width / 2), width, canvas.x, canvas.x + canvas.width);
  const [y, h] = clampSpan(Math.round(cy - height / 2), height, canvas.y, canvas.y + canvas.height);
  return { x, y, width: w, height: h };
}
