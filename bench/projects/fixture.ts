import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { HistorySnapshot } from '../../shared/document/history.ts';
import { History } from '../../shared/document/history.ts';
import { DOCUMENT_ID, type InfillRecord, type LayerRecord, type RecordMap } from '../../shared/document/records.ts';
import { diffRecords } from '../../shared/document/records-diff.ts';
import type { AssetStore } from '../../electron/services/asset-store.ts';
import { importImage } from '../../electron/services/image-import.ts';
import { benchFixtures, benchPhoto } from '../app/fixtures.ts';

export const LAYERS = 20;
export const PATCH = 768;

let decoded: { path: string; data: Buffer } | undefined;

/** A generated-looking patch: a crop of the photo, shifted in colour, as a PNG (what fills produce). */
export async function patchPng(photo: string, i: number): Promise<Uint8Array> {
  // The 24 MP photo is decoded once, not once per patch.
  if (decoded?.path !== photo) decoded = { path: photo, data: await sharp(photo).raw().toBuffer() };
  const left = (i * 977) % (6000 - PATCH);
  const top = (i * 613) % (4000 - PATCH);
  const out = await sharp(decoded.data, { raw: { width: 6000, height: 4000, channels: 3 } })
    .extract({ left, top, width: PATCH, height: PATCH })
    .modulate({ hue: (i * 37) % 360 })
    .ensureAlpha()
    .png({ compressionLevel: 6 })
    .toBuffer();
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

export interface BenchProject {
  photo: string;
  photoBytes: number;
  patchBytes: number;
  patchAssetIds: string[];
  records: RecordMap;
  history: HistorySnapshot<InfillRecord>;
}

/**
 * A 24 MP photo and 20 generated layers, each added as its own undo step, as a session of
 * fills leaves them: the document and history a save has to write.
 */
export async function buildBenchProject(store: AssetStore): Promise<BenchProject> {
  const photo = await benchPhoto(6000, 4000, 'jpeg');
  const bytes = new Uint8Array(await readFile(photo));
  const base = await importImage(store, 'photo.jpg', bytes);
  const history = new History<InfillRecord>({ maxBytes: 1e9 });
  const layer: LayerRecord = { typeName: 'layer', id: 'layer-photo', kind: 'image', name: 'photo.jpg', assetId: base.assetId, x: 0, y: 0, width: 6000, height: 4000, visible: true, opacity: 1 };
  let records: RecordMap = { [DOCUMENT_ID]: { typeName: 'document', id: DOCUMENT_ID, name: 'photo.jpg', canvas: { x: 0, y: 0, width: 6000, height: 4000 }, order: [layer.id] }, [layer.id]: layer };
  let patchBytes = 0;
  const patchAssetIds: string[] = [];
  for (let i = 0; i < LAYERS; i++) {
    const png = await patchPng(photo, i);
    patchBytes += png.length;
    const asset = await store.put(png, { width: PATCH, height: PATCH, mime: 'image/png' });
    patchAssetIds.push(asset.assetId);
    const generated: LayerRecord = {
      ...layer,
      id: `layer-fill-${i}`,
      kind: 'generated',
      name: `Fill ${i + 1}`,
      assetId: asset.assetId,
      x: (i * 977) % (6000 - PATCH),
      y: (i * 613) % (4000 - PATCH),
      width: PATCH,
      height: PATCH,
      generation: { prompt: `fill ${i}`, providerId: 'offline-content-aware', seed: i, createdAt: '2026-12-05T00:00:00Z' },
    };
    const doc = records[DOCUMENT_ID] as Extract<InfillRecord, { typeName: 'document' }>;
    const next: RecordMap = { ...records, [generated.id]: generated, [DOCUMENT_ID]: { ...doc, order: [...doc.order, generated.id] } };
    history.record(diffRecords(records, next), 'Fill');
    records = next;
  }
  return { photo, photoBytes: bytes.length, patchBytes, patchAssetIds, records, history: history.toSnapshot() };
}

export async function writePatches(photo: string, count: number): Promise<string[]> {
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const path = join(benchFixtures, `patch-${PATCH}-${i}.png`);
    await writeFile(path, await patchPng(photo, i + 100));
    paths.push(path);
  }
  return paths;
}
