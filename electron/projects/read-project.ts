import { strFromU8, type Unzipped } from 'fflate';
import { parseHistorySnapshot } from '../../shared/document/history-snapshot.ts';
import type { HistorySnapshot } from '../../shared/document/history.ts';
import { recordMapSchema, recordSchema } from '../../shared/document/record-schemas.ts';
import { DOCUMENT_ID, getDocument, type InfillRecord, type RecordMap } from '../../shared/document/records.ts';
import { InfillError } from '../../shared/errors.ts';
import { assetIdFor, type AssetStore } from '../services/asset-store.ts';
import { probeImage } from '../services/image-codec.ts';
import { ENTRY, manifestSchema, PROJECT_FORMAT_VERSION, type Manifest } from './project-format.ts';
import { safeUnzip } from './safe-unzip.ts';
import { projectAssetIds } from './write-project.ts';

/** Something a damaged project could not bring back, for the person to be told. */
export interface LostPart {
  kind: 'layer' | 'history';
  name: string;
}

export interface OpenedProject {
  name: string;
  records: RecordMap;
  history: HistorySnapshot<InfillRecord> | undefined;
  lost: LostPart[];
}

function damaged(name: string, reason: string): InfillError {
  return new InfillError('PROJECT_DAMAGED', `“${name}” is damaged and cannot be opened: ${reason}`, { name, reason });
}

function readJson(files: Unzipped, entry: string): unknown {
  const bytes = files[entry];
  if (!bytes) return undefined;
  try {
    return JSON.parse(strFromU8(bytes)) as unknown;
  } catch {
    return undefined;
  }
}

function readManifest(files: Unzipped, name: string): Manifest {
  const raw = readJson(files, ENTRY.manifest);
  const version = (raw as { version?: unknown } | undefined)?.version;
  if (typeof version === 'number' && version > PROJECT_FORMAT_VERSION) {
    throw new InfillError('PROJECT_TOO_NEW', `“${name}” was saved by a newer Infill (project format ${version}; this one reads up to ${PROJECT_FORMAT_VERSION}).`, {
      name,
      version,
      supported: PROJECT_FORMAT_VERSION,
    });
  }
  const manifest = manifestSchema.safeParse(raw);
  if (!manifest.success) throw damaged(name, raw === undefined ? 'it has no readable manifest.json' : 'its manifest.json is not an Infill manifest');
  return manifest.data;
}

/**
 * Stores every asset whose bytes are intact (their content hash is their id, so damage is
 * detected, not guessed) and returns the ids that could not be brought back. A picture over
 * the size limit is refused like the photo itself would be.
 */
async function restoreAssets(store: AssetStore, files: Unzipped, manifest: Manifest, fileName: string): Promise<Set<string>> {
  const missing = new Set<string>();
  for (const asset of manifest.assets) {
    const bytes = files[asset.file];
    if (!bytes || assetIdFor(bytes) !== asset.id) {
      missing.add(asset.id);
      continue;
    }
    const probe = await probeImage(bytes, fileName).catch((error: unknown) => {
      if (error instanceof InfillError && error.code === 'IMAGE_TOO_LARGE') throw error;
      return undefined;
    });
    if (!probe || probe.width !== asset.width || probe.height !== asset.height) {
      missing.add(asset.id);
      continue;
    }
    await store.put(bytes, { width: asset.width, height: asset.height, mime: asset.mime });
  }
  return missing;
}

/** The records without the layers whose pixels are gone. */
function dropLayers(records: RecordMap, missing: ReadonlySet<string>, lost: LostPart[]): RecordMap {
  const doc = getDocument(records)!;
  const next: Record<string, InfillRecord> = {};
  for (const record of Object.values(records)) {
    if (record.typeName === 'layer' && missing.has(record.assetId)) {
      lost.push({ kind: 'layer', name: record.name });
      continue;
    }
    next[record.id] = record;
  }
  next[DOCUMENT_ID] = { ...doc, order: doc.order.filter((id) => next[id]?.typeName === 'layer') };
  return next;
}

/**
 * Opens a project: what is readable comes back, and what is not is listed in `lost`. The
 * manifest and the document are required; a layer whose image is damaged is left out, and the
 * history is dropped when it is damaged or reaches images that are gone.
 */
export async function readProject(store: AssetStore, bytes: Uint8Array, fileName: string): Promise<OpenedProject> {
  const files = safeUnzip(bytes, fileName);
  const manifest = readManifest(files, fileName);
  const parsedRecords = recordMapSchema.safeParse(readJson(files, ENTRY.document));
  if (!parsedRecords.success || !getDocument(parsedRecords.data)) throw damaged(fileName, 'its document.json is missing or unreadable');
  const missing = await restoreAssets(store, files, manifest, fileName);
  const known = new Set(manifest.assets.map((asset) => asset.id));
  for (const id of projectAssetIds({ name: manifest.name, records: parsedRecords.data })) if (!known.has(id)) missing.add(id);
  const lost: LostPart[] = [];
  const records = dropLayers(parsedRecords.data, missing, lost);

  let history: HistorySnapshot<InfillRecord> | undefined;
  const rawHistory = readJson(files, ENTRY.history);
  if (files[ENTRY.history]) {
    const parsed = parseHistorySnapshot(rawHistory, recordSchema);
    const reachesLost = parsed.ok && [...projectAssetIds({ name: manifest.name, records, history: parsed.snapshot })].some((id) => missing.has(id) || !known.has(id));
    if (parsed.ok && !reachesLost) history = parsed.snapshot;
    else lost.push({ kind: 'history', name: manifest.name });
  }
  return { name: manifest.name, records, history, lost };
}
