import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { AssetInfo } from '../../shared/contract/schemas.ts';
import { InfillError } from '../../shared/errors.ts';
import type { RgbaImage } from './rgba-image.ts';
import { writeFileAtomic } from '../storage/atomic-file.ts';
import { ByteLru } from './byte-lru.ts';
import { decodeRgba } from './image-codec.ts';

export interface StoredAsset extends AssetInfo {
  bytes: Uint8Array;
}

export interface AssetStore {
  /** Stores encoded image bytes under their content hash; the same bytes give the same id. */
  put(bytes: Uint8Array, meta: { width: number; height: number; mime: string }, decoded?: RgbaImage): Promise<AssetInfo>;
  read(assetId: string): Promise<StoredAsset>;
  /** The asset decoded to RGBA, cached by size since jobs and exports decode the same layers again. */
  readRgba(assetId: string): Promise<RgbaImage>;
  /** Forgets every asset not in `keep` (and not brand new), in memory and on disk. */
  retain(keep: Iterable<string>): Promise<number>;
}

export interface AssetStoreOptions {
  dir: string;
  maxEncodedBytes?: number;
  maxDecodedBytes?: number;
  /** Assets younger than this survive `retain`, so a job's fresh result is not collected before the renderer sees it. */
  graceMs?: number;
  now?: () => number;
  /** Assets to keep through the start-up tidy-up however old: those the autosaved session uses. */
  keepOnDisk?: ReadonlySet<string>;
}

export function assetIdFor(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 32);
}

export async function createAssetStore(options: AssetStoreOptions): Promise<AssetStore> {
  const { dir, graceMs = 10 * 60_000, now = Date.now } = options;
  await mkdir(dir, { recursive: true });
  // Every asset is on disk before `put` returns, so this cache only saves a read of a file the
  // system has most likely cached too: a modest budget, not a second copy of every edit.
  const encoded = new ByteLru<StoredAsset>(options.maxEncodedBytes ?? 64 * 1024 * 1024);
  const decoded = new ByteLru<RgbaImage>(options.maxDecodedBytes ?? 1536 * 1024 * 1024);
  const createdAt = new Map<string, number>();
  const known = new Set<string>();
  const pendingWrites = new Map<string, Promise<void>>();
  // One decode per asset at a time: a job and an export asking for the same pixels at once share it.
  const pendingDecodes = new Map<string, Promise<RgbaImage>>();

  const bytesPath = (id: string) => join(dir, `${id}.bin`);
  const metaPath = (id: string) => join(dir, `${id}.json`);

  async function persist(asset: StoredAsset): Promise<void> {
    const { bytes, ...meta } = asset;
    await writeFileAtomic(bytesPath(asset.assetId), bytes);
    await writeFileAtomic(metaPath(asset.assetId), JSON.stringify(meta));
  }

  async function loadFromDisk(assetId: string): Promise<StoredAsset | undefined> {
    await pendingWrites.get(assetId);
    try {
      const meta = JSON.parse(await readFile(metaPath(assetId), 'utf8')) as AssetInfo;
      const bytes = new Uint8Array(await readFile(bytesPath(assetId)));
      return { ...meta, assetId, bytes };
    } catch {
      return undefined;
    }
  }

  const store: AssetStore = {
    async put(bytes, meta, rgba) {
      const assetId = assetIdFor(bytes);
      const asset: StoredAsset = { assetId, ...meta, bytes };
      encoded.set(assetId, asset, bytes.length);
      if (rgba) decoded.set(assetId, rgba, rgba.data.length);
      createdAt.set(assetId, now());
      if (!known.has(assetId)) {
        known.add(assetId);
        const write = persist(asset).finally(() => pendingWrites.delete(assetId));
        pendingWrites.set(assetId, write);
        await write;
      }
      return { assetId, width: meta.width, height: meta.height, mime: meta.mime };
    },

    async read(assetId) {
      const cached = encoded.get(assetId);
      if (cached) return cached;
      const loaded = await loadFromDisk(assetId);
      if (!loaded) throw new InfillError('ASSET_NOT_FOUND', `Image data ${assetId} is no longer available.`);
      encoded.set(assetId, loaded, loaded.bytes.length);
      known.add(assetId);
      return loaded;
    },

    async readRgba(assetId) {
      const cached = decoded.get(assetId);
      if (cached) return cached;
      let pending = pendingDecodes.get(assetId);
      if (!pending) {
        pending = store
          .read(assetId)
          .then((asset) => decodeRgba(asset.bytes))
          .then((rgba) => {
            decoded.set(assetId, rgba, rgba.data.length);
            return rgba;
          })
          .finally(() => pendingDecodes.delete(assetId));
        pendingDecodes.set(assetId, pending);
      }
      return pending;
    },

    async retain(keep) {
      const keepSet = new Set(keep);
      const cutoff = now() - graceMs;
      const isCollectable = (id: string) => !keepSet.has(id) && (createdAt.get(id) ?? 0) < cutoff;
      let released = 0;
      for (const id of encoded.keys()) if (isCollectable(id)) encoded.delete(id);
      for (const id of decoded.keys()) if (isCollectable(id)) decoded.delete(id);
      for (const id of [...known]) {
        if (!isCollectable(id)) continue;
        await pendingWrites.get(id);
        known.delete(id);
        createdAt.delete(id);
        await rm(bytesPath(id), { force: true });
        await rm(metaPath(id), { force: true });
        released++;
      }
      return released;
    },
  };

  await removeStaleFiles(dir, now() - 24 * 3600_000, options.keepOnDisk ?? new Set());
  return store;
}

/**
 * Files a day old that the autosaved session does not use are garbage (undo history does not
 * survive a restart); newer ones may belong to another running instance and stay.
 */
async function removeStaleFiles(dir: string, olderThan: number, keep: ReadonlySet<string>): Promise<void> {
  for (const name of await readdir(dir)) {
    if (keep.has(name.split('.')[0]!)) continue;
    const path = join(dir, name);
    const info = await stat(path).catch(() => undefined);
    if (info && info.mtimeMs < olderThan) await rm(path, { force: true });
  }
}
