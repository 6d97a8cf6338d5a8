/**
 * Layers are drawn from bitmaps decoded at the detail the view needs, not always at full size:
 * level L holds 1/2^L of the image per side. Zoomed out on a 24 MP photo (a fifth of a pixel
 * per image pixel), level 2 is a sixteenth of the memory and draws faster, and the screen shows
 * the same. Zooming in loads the finer level; the coarser one stays on screen until it lands.
 */
export const MAX_DETAIL_LEVEL = 4;

/**
 * Layers out of the viewport keep a coarse bitmap (an eighth a side at most): enough to show
 * at once when panned into view, while the finer level loads.
 */
export const OFF_SCREEN_DETAIL_LEVEL = 3;

/** The coarsest level that still gives at least one bitmap pixel per screen pixel. */
export function detailLevelFor(screenPixelsPerImagePixel: number): number {
  if (!(screenPixelsPerImagePixel > 0) || screenPixelsPerImagePixel >= 0.5) return 0;
  return Math.min(MAX_DETAIL_LEVEL, Math.floor(-Math.log2(screenPixelsPerImagePixel)));
}

/** The bitmap size of an image at a level; never below one pixel a side. */
export function detailLevelSize(width: number, height: number, level: number): { width: number; height: number } {
  const factor = 2 ** level;
  return { width: Math.max(1, Math.ceil(width / factor)), height: Math.max(1, Math.ceil(height / factor)) };
}
