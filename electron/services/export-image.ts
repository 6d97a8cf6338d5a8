import type { ExportFormat, LayerSnapshot } from '../../shared/contract/schemas.ts';
import type { Rect } from '../../shared/geometry.ts';
import type { AssetStore } from './asset-store.ts';
import { checkExportSize } from './export-size.ts';
import { flattenRegion } from './flatten.ts';
import { encodeRgba, mimeForFormat } from './image-codec.ts';

export interface ExportedImage {
  bytes: Uint8Array;
  mime: string;
  width: number;
  height: number;
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
