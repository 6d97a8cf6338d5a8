import { z } from 'zod';
import { assetIdSchema, MAX_CANVAS_SIDE } from '../../shared/contract/schemas.ts';

/**
 * The `.infill` container (a zip): `manifest.json` first, then `document.json` (the records),
 * `history.json` (the undo and redo stacks as a versioned snapshot), `assets/<id>.<ext>` (each
 * image exactly as stored: the opened photo keeps its original encoded bytes), and
 * `thumbnail.png`. Raise the version when the layout changes; older Infills then say the project
 * is newer instead of misreading it.
 */
export const PROJECT_FORMAT = 'infill-project';
export const PROJECT_FORMAT_VERSION = 1;

export const ENTRY = {
  manifest: 'manifest.json',
  document: 'document.json',
  history: 'history.json',
  thumbnail: 'thumbnail.png',
} as const;

const side = z.number().int().min(1).max(MAX_CANVAS_SIDE);

export const manifestAssetSchema = z.object({ id: assetIdSchema, file: z.string().max(200), mime: z.string().max(100), width: side, height: side, bytes: z.number().int().min(0) });
export type ManifestAsset = z.infer<typeof manifestAssetSchema>;

export const manifestSchema = z.object({
  format: z.literal(PROJECT_FORMAT),
  version: z.number().int().min(1),
  name: z.string().max(500),
  savedAt: z.string().max(64),
  app: z.string().max(64),
  assets: z.array(manifestAssetSchema).max(100_000),
});
export type Manifest = z.infer<typeof manifestSchema>;

const extensionForMime: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'image/gif': 'gif', 'image/avif': 'avif' };

export function assetEntryName(id: string, mime: string): string {
  return `assets/${id}.${extensionForMime[mime] ?? 'bin'}`;
}
