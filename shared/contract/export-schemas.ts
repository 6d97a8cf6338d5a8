import { z } from 'zod';
import { generationSchema } from '../document/record-schemas.ts';
import { bytesSchema, exportFormatSchema, layerSnapshotSchema, MAX_CANVAS_SIDE, rectSchema } from './schemas.ts';

/**
 * What the export dialog (and the CLI's `--out`) can ask main for: a flat picture in one of the
 * image formats, or the layers themselves as a PSD or an OpenRaster file.
 */
export const layeredFormatSchema = z.enum(['psd', 'ora']);
export type LayeredFormat = z.infer<typeof layeredFormatSchema>;

export const documentFormatSchema = z.union([exportFormatSchema, layeredFormatSchema]);
export type DocumentFormat = z.infer<typeof documentFormatSchema>;

/** Output size of a flat export: as is, a percentage, or the longer side in pixels. */
export const exportSizeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('full') }).strict(),
  z.object({ kind: z.literal('percent'), percent: z.number().int().min(1).max(100) }).strict(),
  z.object({ kind: z.literal('longSide'), pixels: z.number().int().min(1).max(MAX_CANVAS_SIDE) }).strict(),
]);
export type ExportSize = z.infer<typeof exportSizeSchema>;

/** A layer as the layered formats need it: a flattened export ignores the name. */
export const exportLayerSchema = layerSnapshotSchema.extend({ name: z.string().max(500).optional() });
export type ExportLayer = z.infer<typeof exportLayerSchema>;

/** Prompt, provider, model and seed of the picture's generation, written into the file unless stripped. */
export const exportMetadataSchema = generationSchema.pick({ prompt: true, providerId: true, model: true, seed: true });
export type ExportMetadata = z.infer<typeof exportMetadataSchema>;

export const exportRequestSchema = z
  .object({
    /** The region to export in document pixels: the canvas, or one layer's own bounds. */
    canvas: rectSchema,
    /** Bottom first. */
    layers: z.array(exportLayerSchema).max(1000),
    format: documentFormatSchema,
    quality: z.number().int().min(1).max(100),
    /** Flat formats only; layered files keep every layer at its own size. Absent: full size. */
    size: exportSizeSchema.optional(),
    /** Absent: nothing is written (the "Strip metadata" choice, and documents with no generation). */
    metadata: exportMetadataSchema.optional(),
    /** Describe photo's caption and alt text; absent when stripped or never described. */
    description: z.object({ caption: z.string().max(2000), altText: z.string().max(2000) }).strict().optional(),
  })
  .strict();
export type ExportRequest = z.infer<typeof exportRequestSchema>;

export const exportResultSchema = z.object({
  bytes: bytesSchema,
  mime: z.string(),
  width: z.number(),
  height: z.number(),
  /** The file extension for the format, without the dot. */
  extension: z.string(),
});
export type ExportResult = z.infer<typeof exportResultSchema>;

/** File extensions by format, and the formats the CLI's `--out` recognises by extension. */
export const extensionForFormat: Record<DocumentFormat, string> = { png: 'png', jpeg: 'jpg', webp: 'webp', avif: 'avif', psd: 'psd', ora: 'ora' };
export const formatForExtension: Record<string, DocumentFormat> = {
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  webp: 'webp',
  avif: 'avif',
  psd: 'psd',
  ora: 'ora',
};

export function isLayeredFormat(format: DocumentFormat): format is LayeredFormat {
  return format === 'psd' || format === 'ora';
}

/** The pixel size a flat export comes out at: never larger than the source, never below 1 px. */
export function exportedSize(width: number, height: number, size: ExportSize | undefined): { width: number; height: number } {
  let scale = 1;
  if (size?.kind === 'percent') scale = size.percent / 100;
  if (size?.kind === 'longSide') scale = Math.min(1, size.pixels / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
