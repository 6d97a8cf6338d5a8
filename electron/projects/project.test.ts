import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { History } from '../../shared/document/history.ts';
import { DOCUMENT_ID, getOrderedLayers, type InfillRecord, type LayerRecord, type RecordMap } from '../../shared/document/records.ts';
import { diffRecords } from '../../shared/document/records-diff.ts';
import { createAssetStore, type AssetStore } from '../services/asset-store.ts';
import { encodeRgba } from '../services/image-codec.ts';
import { importImage } from '../services/image-import.ts';
import { readPhoto, tempDir } from '../services/test-photos.ts';
import { readProject } from './read-project.ts';
import { safeUnzip } from './safe-unzip.ts';
import { writeProject } from './write-project.ts';

const newStore = async (): Promise<AssetStore> => createAssetStore({ dir: await tempDir() });

/** A document of coffee.jpg plus one generated layer, whose adding is the one undo step. */
async function sampleProject(store: AssetStore) {
  const photoBytes = await readPhoto('coffee.jpg');
  const photo = await importImage(store, 'coffee.jpg', photoBytes);
  const patchData = new Uint8Array(32 * 24 * 4).fill(200);
  const patch = await store.put(await encodeRgba({ width: 32, height: 24, data: patchData }, 'png'), { width: 32, height: 24, mime: 'image/png' });
  const base: LayerRecord = { typeName: 'layer', id: 'layer-photo', kind: 'image', name: 'coffee.jpg', assetId: photo.assetId, x: 0, y: 0, width: 600, height: 400, visible: true, opacity: 1 };
  const generated: LayerRecord = {
    ...base,
    id: 'layer-fill',
    kind: 'generated',
    name: 'Fill',
    assetId: patch.assetId,
    x: 100,
    y: 50,
    width: 32,
    height: 24,
    generation: { prompt: 'a kite', providerId: 'offline-smooth', seed: 3, createdAt: '2026-12-05T07:00:00Z' },
  };
  const before: RecordMap = { [DOCUMENT_ID]: { typeName: 'document', id: DOCUMENT_ID, name: 'coffee.jpg', canvas: { x: 0, y: 0, width: 600, height: 400 }, order: [base.id] }, [base.id]: base };
  const after: RecordMap = { ...before, [DOCUMENT_ID]: { ...(before[DOCUMENT_ID] as Extract<InfillRecord, { typeName: 'document' }>), order: [base.id, generated.id] }, [generated.id]: generated };
  const history = new History<InfillRecord>();
  history.record(diffRecords(before, after), 'Fill');
  return { photoBytes, photo, patch, records: after, history: history.toSnapshot() };
}

function rezip(bytes: Uint8Array, change: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(bytes);
  change(files);
  return zipSync(files as Zippable);
}

describe('.infill projects', () => {
  it('the thumbnail is the document at 256 px on its long side, generated layer included', async () => {
    const store = await newStore();
    const sample = await sampleProject(store);
    const bytes = await writeProject(store, { name: 'coffee.jpg', records: sample.records }, 'Infill test');
    const { data, info } = await sharp(unzipSync(bytes)['thumbnail.png']!).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([256, 171]);
    const at = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
    const photo = await sharp(sample.photoBytes).resize(256, 171, { fit: 'fill' }).raw().toBuffer();
    const photoAt = (x: number, y: number) => [...photo.subarray((y * 256 + x) * 3, (y * 256 + x) * 3 + 3)];
    const near = (actual: number[], expected: number[]) => actual.forEach((value, i) => expect(Math.abs(value - expected[i]!)).toBeLessThanOrEqual(3));
    // The patch (grey 200 at alpha 200) covers document (100..132, 50..74): (49, 26) in the thumbnail.
    near(at(49, 26), photoAt(49, 26).map((p) => (200 * 200 + p * 55) / 255));
    // Elsewhere the photo alone, as sharp reduces it.
    for (const [x, y] of [[10, 10], [200, 120], [128, 150]] as const) near(at(x, y), photoAt(x, y));
  });

  it('round-trip: records, undo history and the photo’s original bytes come back', async () => {
    const store = await newStore();
    const sample = await sampleProject(store);
    const bytes = await writeProject(store, { name: 'coffee.jpg', records: sample.records, history: sample.history }, 'Infill test');
    const files = unzipSync(bytes);
    expect(Object.keys(files).slice(0, 2)).toEqual(['manifest.json', 'document.json']);
    expect(files['thumbnail.png']).toBeDefined();
    const photoEntry = Object.keys(files).find((n) => n.startsWith(`assets/${sample.photo.assetId}`))!;
    expect(photoEntry.endsWith('.jpg')).toBe(true);
    expect(Buffer.from(files[photoEntry]!).equals(Buffer.from(sample.photoBytes)), 'the photo is stored as it was opened').toBe(true);

    const fresh = await newStore();
    const opened = await readProject(fresh, bytes, 'coffee.infill');
    expect(opened.lost).toEqual([]);
    expect(opened.records).toEqual(sample.records);
    expect(opened.history).toEqual(sample.history);
    expect((await fresh.read(sample.patch.assetId)).width).toBe(32);
    // Undo from the reopened history removes the generated layer.
    const undone = History.fromSnapshot(opened.history!).undo();
    expect(Object.keys(undone?.removed ?? {})).toEqual(['layer-fill']);
  });

  it('a project from a newer Infill says so', async () => {
    const store = await newStore();
    const sample = await sampleProject(store);
    const bytes = rezip(await writeProject(store, { name: 'x', records: sample.records }, 'test'), (files) => {
      const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as Record<string, unknown>;
      files['manifest.json'] = strToU8(JSON.stringify({ ...manifest, version: 7 }));
    });
    await expect(readProject(await newStore(), bytes, 'future.infill')).rejects.toMatchObject({ code: 'PROJECT_TOO_NEW', params: { version: 7, supported: 1 } });
  });

  it('a damaged image: the rest opens, the layer and the history that needs it are reported lost', async () => {
    const store = await newStore();
    const sample = await sampleProject(store);
    const bytes = rezip(await writeProject(store, { name: 'coffee.jpg', records: sample.records, history: sample.history }, 'test'), (files) => {
      const entry = Object.keys(files).find((n) => n.startsWith(`assets/${sample.patch.assetId}`))!;
      files[entry] = files[entry]!.slice(0, 20);
    });
    const opened = await readProject(await newStore(), bytes, 'damaged.infill');
    expect(getOrderedLayers(opened.records).map((l) => l.name)).toEqual(['coffee.jpg']);
    expect(opened.lost).toEqual([
      { kind: 'layer', name: 'Fill' },
      { kind: 'history', name: 'coffee.jpg' },
    ]);
    expect(opened.history).toBeUndefined();
  });

  it('no document or not a zip: PROJECT_DAMAGED', async () => {
    const store = await newStore();
    const sample = await sampleProject(store);
    const noDocument = rezip(await writeProject(store, { name: 'x', records: sample.records }, 'test'), (files) => {
      delete files['document.json'];
    });
    await expect(readProject(store, noDocument, 'a.infill')).rejects.toMatchObject({ code: 'PROJECT_DAMAGED' });
    await expect(readProject(store, new Uint8Array([1, 2, 3, 4]), 'b.infill')).rejects.toMatchObject({ code: 'PROJECT_DAMAGED' });
  });

  it('refuses ../ names and zip bombs before unpacking', async () => {
    const traversal = zipSync({ 'manifest.json': strToU8('{}'), '../evil.txt': strToU8('x') });
    expect(() => safeUnzip(traversal, 'evil.infill')).toThrow(expect.objectContaining({ code: 'PROJECT_UNSAFE' }));
    expect(() => safeUnzip(zipSync({ '/etc/x': strToU8('x') }), 'abs.infill')).toThrow(expect.objectContaining({ code: 'PROJECT_UNSAFE' }));
    const bomb = zipSync({ 'manifest.json': strToU8('{}'), 'assets/zeros.bin': new Uint8Array(64 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(200_000);
    await expect(readProject(await newStore(), bomb, 'bomb.infill')).rejects.toMatchObject({ code: 'PROJECT_UNSAFE' });
    const tooMuch = zipSync({ a: new Uint8Array(600), b: new Uint8Array(600) }, { level: 0 });
    expect(() => safeUnzip(tooMuch, 'big.infill', { maxTotalBytes: 1000, maxEntries: 10, maxRatio: 200 })).toThrow(/more than/);
  });

  it('a project whose photo is over 100 MP is refused like the photo', async () => {
    const store = await newStore();
    const sample = await sampleProject(store);
    // A PNG whose header says 12 000 × 10 000: the size is read before any pixel is decoded.
    const png = await encodeRgba({ width: 1, height: 1, data: new Uint8Array(4) }, 'png');
    const view = new DataView(png.buffer, png.byteOffset);
    view.setUint32(16, 12_000);
    view.setUint32(20, 10_000);
    view.setUint32(29, crc32(png.subarray(12, 29)) >>> 0);
    const { assetIdFor } = await import('../services/asset-store.ts');
    const hugeId = assetIdFor(png);
    const records: RecordMap = { ...sample.records, 'layer-photo': { ...(sample.records['layer-photo'] as LayerRecord), assetId: hugeId, width: 12_000, height: 10_000 } };
    const bytes = rezip(await writeProject(store, { name: 'x', records: sample.records }, 'test'), (files) => {
      files['document.json'] = strToU8(JSON.stringify(records));
      const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as { assets: unknown[] };
      manifest.assets.push({ id: hugeId, file: `assets/${hugeId}.png`, mime: 'image/png', width: 12_000, height: 10_000, bytes: png.length });
      files['manifest.json'] = strToU8(JSON.stringify(manifest));
      files[`assets/${hugeId}.png`] = png;
    });
    await expect(readProject(await newStore(), bytes, 'huge.infill')).rejects.toMatchObject({ code: 'IMAGE_TOO_LARGE' });
  });
});
