import { MAX_IMAGE_PIXELS, type ExportFormat, type LayerSnapshot } from '../../shared/contract/schemas.ts';
import { InfillError } from '../../shared/errors.ts';
import type { Rect } from '../../shared/geometry.ts';
import type { AssetStore } from './asset-store.ts';
import { flattenRegion } from './flatten.ts';
import { encodeRgba, mimeForFormat } from './image-codec.ts';

export interface ExportedImage {
  bytes: Uint8Array;
  mime: string;
  width: number;
  height: number;
}

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
    );
  }
}

/** Flattens the visible layers over the whole canvas and encodes the result. */
export async function exportImage(
  store: AssetStore,
  request: { canvas: Rect; layers: readonly LayerSnapshot[]; format: ExportFormat; quality: number },
): Promise<ExportedImage> {
  checkExportSize(request.canvas);
  const flat = await flattenRegion(request.layers, request.canvas, (id) => store.readRgba(id));
  const bytes = await encodeRgba(flat, request.format, request.quality);
  return { bytes, mime: mimeForFormat[request.format], width: flat.width, height: flat.height };
}
