import { strToU8, zipSync, type Zippable } from 'fflate';
import { exportedSize } from '../../shared/contract/export-schemas.ts';
import type { HistorySnapshot } from '../../shared/document/history.ts';
import { collectAssetIds, collectDiffAssetIds, getDocument, getOrderedLayers, type InfillRecord, type RecordMap } from '../../shared/document/records.ts';
import { InfillError } from '../../shared/errors.ts';
import type { AssetStore } from '../services/asset-store.ts';
import { drawOver } from '../services/flatten.ts';
import type { RgbaImage } from '../services/rgba-image.ts';
import { decodeRgba, encodeRgba } from '../services/image-codec.ts';
import { assetEntryName, ENTRY, PROJECT_FORMAT, PROJECT_FORMAT_VERSION, type Manifest, type ManifestAsset } from './project-format.ts';

export interface ProjectContent {
  name: string;
  records: RecordMap;
  history?: HistorySnapshot<InfillRecord>;
}

const THUMBNAIL_SIDE = 256;

/** Every asset the document and its undo/redo stacks reach: what reopening needs. */
export function projectAssetIds(content: ProjectContent): Set<string> {
  const ids = collectAssetIds(content.records);
  for (const stack of [content.history?.undos ?? [], content.history?.redos ?? []]) {
    for (const entry of stack) if (entry.type === 'diff') collectDiffAssetIds(entry.diff, ids);
  }
  return ids;
}

/**
 * Packs a project. Assets go in stored (level 0): they are PNG, JPEG or WebP already, and
 * deflating them again would cost seconds on a 24 MP photo for nothing.
 */
export async function writeProject(store: AssetStore, content: ProjectContent, app: string): Promise<Uint8Array> {
  const doc = getDocument(content.records);
  if (!doc) throw new InfillError('INVALID_INPUT', 'There is no document to save.');
  const files: Zippable = {};
  const assets: ManifestAsset[] = [];
  for (const id of projectAssetIds(content)) {
    const asset = await store.read(id);
    const file = assetEntryName(id, asset.mime);
    assets.push({ id, file, mime: asset.mime, width: asset.width, height: asset.height, bytes: asset.bytes.length });
    files[file] = [asset.bytes, { level: 0 }];
  }
  const manifest: Manifest = { format: PROJECT_FORMAT, version: PROJECT_FORMAT_VERSION, name: content.name, savedAt: new Date().toISOString(), app, assets };
  const ordered: Zippable = {
    [ENTRY.manifest]: strToU8(JSON.stringify(manifest, null, 1)),
    [ENTRY.document]: strToU8(JSON.stringify(content.records)),
    ...(content.history ? { [ENTRY.history]: strToU8(JSON.stringify(content.history)) } : {}),
    [ENTRY.thumbnail]: [await thumbnail(store, content.records), { level: 0 }],
    ...files,
  };
  return zipSync(ordered, { level: 6 });
}

/**
 * The thumbnail is composed at its own size: each layer is decoded already shrunk and placed
 * at the scaled position, so a save never decodes or flattens the full-size document (seconds
 * and hundreds of MB for a 24 MP photo) for a 256-pixel preview.
 */
async function thumbnail(store: AssetStore, records: RecordMap): Promise<Uint8Array> {
  const { canvas } = getDocument(records)!;
  const size = exportedSize(canvas.width, canvas.height, { kind: 'longSide', pixels: THUMBNAIL_SIDE });
  const scale = size.width / canvas.width;
  const region = { x: 0, y: 0, ...size };
  const out: RgbaImage = { ...size, data: new Uint8Array(size.width * size.height * 4) };
  for (const layer of getOrderedLayers(records)) {
    if (!layer.visible || layer.opacity <= 0) continue;
    const shrunk = { width: Math.max(1, Math.round(layer.width * scale)), height: Math.max(1, Math.round(layer.height * scale)) };
    const pixels = await decodeRgba((await store.read(layer.assetId)).bytes, layer.name, shrunk);
    drawOver(out, region, pixels, Math.round((layer.x - canvas.x) * scale), Math.round((layer.y - canvas.y) * scale), layer.opacity);
  }
  return encodeRgba(out, 'png', 100);
}
