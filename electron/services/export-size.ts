import { MAX_IMAGE_PIXELS } from '../../shared/contract/schemas.ts';
import { InfillError } from '../../shared/errors.ts';
import type { Rect } from '../../shared/geometry.ts';

/**
 * Export stops where import does: a canvas Infill could not open again is refused before any
 * pixel is flattened (a 900 MP canvas would need 3.6 GB of RGBA).
 */
export function checkExportSize(canvas: Pick<Rect, 'width' | 'height'>): void {
  const pixels = canvas.width * canvas.height;
  if (pixels > MAX_IMAGE_PIXELS) {
    throw new InfillError(
      'IMAGE_TOO_LARGE',
      `The canvas is ${canvas.width}×${canvas.height} (${Math.round(pixels / 1e6)} MP); Infill exports images up to ${MAX_IMAGE_PIXELS / 1e6} MP, as it opens them. Crop or extend less.`,
      { width: canvas.width, height: canvas.height, megapixels: Math.round(pixels / 1e6), limit: MAX_IMAGE_PIXELS / 1e6 },
    );
  }
}
