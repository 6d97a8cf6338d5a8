import { exportedSize, type ExportRequest, type ExportResult } from '../../shared/contract/export-schemas.ts';
import type { ExportFormat } from '../../shared/contract/schemas.ts';
import type { RgbaImage } from '../jobs/provider.ts';
import { encodeRgba, mimeForFormat } from '../services/image-codec.ts';
import { pngTextEntries, xmpPacket } from './generation-metadata.ts';
import { addPngText } from './png-text.ts';

/** Encodes a flattened picture at the requested size, with the generation's metadata and the photo's description unless stripped. */
export async function encodeFlat(
  flat: RgbaImage,
  request: Pick<ExportRequest, 'quality' | 'size' | 'metadata' | 'description'> & { format: ExportFormat },
): Promise<Omit<ExportResult, 'extension'>> {
  const size = exportedSize(flat.width, flat.height, request.size);
  const { metadata, description, format } = request;
  let bytes = await encodeRgba(flat, format, request.quality, {
    resize: size,
    xmp: metadata || description ? xmpPacket({ generation: metadata, description }) : undefined,
  });
  if (metadata && format === 'png') bytes = addPngText(bytes, pngTextEntries(metadata));
  return { bytes, mime: mimeForFormat[format], ...size };
}
