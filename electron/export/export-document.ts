import { extensionForFormat, isLayeredFormat, type ExportRequest, type ExportResult } from '../../shared/contract/export-schemas.ts';
import type { AssetStore } from '../services/asset-store.ts';
import { checkExportSize } from '../services/export-size.ts';
import { flattenRegion } from '../services/flatten.ts';
import { encodeFlat } from './flat-export.ts';
import { loadLayeredSource } from './layered-source.ts';
import { writeOra } from './ora-export.ts';
import { xmpPacket } from './generation-metadata.ts';
import { writePsd } from './psd-export.ts';

const layeredMime = { psd: 'image/vnd.adobe.photoshop', ora: 'image/openraster' } as const;

/** Every export, by format: flat pictures (PNG, JPEG, WebP, AVIF) or layered files (PSD, ORA). */
export async function exportDocument(store: AssetStore, request: ExportRequest): Promise<ExportResult> {
  const { format, canvas } = request;
  // Refused before anything is decoded: import's pixel limit holds for what leaves Infill too.
  checkExportSize(canvas);
  const extension = extensionForFormat[format];
  if (isLayeredFormat(format)) {
    const source = await loadLayeredSource(store, canvas, request.layers);
    const { metadata, description } = request;
    // OpenRaster has no place for metadata; PSD keeps it as XMP, like the flat formats.
    const xmp = metadata || description ? xmpPacket({ generation: metadata, description }) : undefined;
    const bytes = format === 'psd' ? writePsd(source, xmp) : await writeOra(source, store);
    return { bytes, mime: layeredMime[format], width: canvas.width, height: canvas.height, extension };
  }
  const flat = await flattenRegion(request.layers, canvas, (id) => store.readRgba(id));
  return { ...(await encodeFlat(flat, { ...request, format })), extension };
}
