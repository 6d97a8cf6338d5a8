import type { Money } from '../gateway/money.ts';
import type { Rect } from '../geometry.ts';

/**
 * The document as normalized records (tldraw-style): pixels are never stored here, only asset
 * ids, so a history of diffs over these records stays small however big the photo is.
 */

export interface GenerationInfo {
  prompt: string;
  providerId: string;
  model?: string;
  seed: number;
  /** In the currency the gateway bills in. */
  cost?: Money;
  createdAt: string;
}

export interface LayerRecord {
  typeName: 'layer';
  id: string;
  kind: 'image' | 'generated';
  name: string;
  assetId: string;
  x: number;
  y: number;
  width: number;
  height: number;
  visible: boolean;
  opacity: number;
  generation?: GenerationInfo;
}

export interface BrushStroke {
  kind: 'stroke';
  mode: 'paint' | 'erase';
  /** Diameter in document pixels. */
  size: number;
  /** 0 = soft edge, 1 = hard edge. */
  hardness: number;
  /** Flat list of x, y pairs in document pixels. */
  points: number[];
}

export interface MaskInvert {
  kind: 'invert';
}

/**
 * How a shape meets the mask so far: added to it (the default, and what records saved before
 * selections meant), taken out of it, or replacing it (Select all, a grow or feather result).
 */
export type ShapeMode = 'add' | 'subtract' | 'replace';

/** A filled rectangle in document pixels: the new strip of an extended canvas, a rectangle selection. */
export interface MaskRect {
  kind: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  mode?: ShapeMode;
}

/** An ellipse inscribed in its bounding box, in document pixels. */
export interface MaskEllipse {
  kind: 'ellipse';
  x: number;
  y: number;
  width: number;
  height: number;
  mode?: ShapeMode;
}

/** A closed polygon (lasso or polygon lasso): flat x, y pairs in document pixels, filled non-zero. */
export interface MaskPolygon {
  kind: 'polygon';
  points: number[];
  mode?: ShapeMode;
}

/**
 * A mask held as pixels (a segmentation, a loaded PNG, a grow or feather result): it names an
 * asset whose alpha is the mask, placed at (x, y), as layers name theirs, so the history holds
 * an id, never the pixels.
 */
export interface MaskRaster {
  kind: 'raster';
  assetId: string;
  x: number;
  y: number;
  width: number;
  height: number;
  mode?: ShapeMode;
}

export type MaskOperation = BrushStroke | MaskInvert | MaskRect | MaskEllipse | MaskPolygon | MaskRaster;

/**
 * Which mask an operation edits: the area to fill, or the area content-aware fill must never
 * copy from (the "exclude from sampling" brush).
 */
export type MaskTarget = 'fill' | 'exclude';

/** One edit of a mask; replaying a mask's records in `seq` order rebuilds it. */
export interface MaskOpRecord {
  typeName: 'mask-op';
  id: string;
  seq: number;
  op: MaskOperation;
  /** Absent: the fill mask (documents saved before the exclusion brush have no target). */
  target?: 'exclude';
}

/** The singleton holding the canvas bounds and the layer order (bottom first). */
export interface DocumentRecord {
  typeName: 'document';
  id: 'document';
  canvas: Rect;
  order: string[];
  name: string;
  /** Describe photo: a caption and alt text, kept with the document and written where exports carry metadata. */
  description?: DocumentDescription;
}

export interface DocumentDescription {
  caption: string;
  altText: string;
  /** The vision model that wrote it. */
  model: string;
}

export type InfillRecord = LayerRecord | MaskOpRecord | DocumentRecord;
export type RecordMap = Readonly<Record<string, InfillRecord>>;

export const DOCUMENT_ID = 'document';

export function getDocument(records: RecordMap): DocumentRecord | undefined {
  const doc = records[DOCUMENT_ID];
  return doc?.typeName === 'document' ? doc : undefined;
}

/** Layers bottom to top, as the document orders them. */
export function getOrderedLayers(records: RecordMap): LayerRecord[] {
  const doc = getDocument(records);
  if (!doc) return [];
  const layers: LayerRecord[] = [];
  for (const id of doc.order) {
    const record = records[id];
    if (record?.typeName === 'layer') layers.push(record);
  }
  return layers;
}

/** One mask's operations in the order they were made. */
export function getMaskOps(records: RecordMap, target: MaskTarget = 'fill'): MaskOpRecord[] {
  const ops: MaskOpRecord[] = [];
  for (const record of Object.values(records)) if (record.typeName === 'mask-op' && maskTargetOf(record) === target) ops.push(record);
  return ops.sort((a, b) => a.seq - b.seq);
}

export function maskTargetOf(record: MaskOpRecord): MaskTarget {
  return record.target ?? 'fill';
}

/** Every asset a diff's records point at (before and after), for what undo and redo can bring back. */
export function collectDiffAssetIds(diff: { added: RecordMap; updated: Readonly<Record<string, readonly [InfillRecord, InfillRecord]>>; removed: RecordMap }, into = new Set<string>()): Set<string> {
  collectAssetIds(diff.added, into);
  collectAssetIds(diff.removed, into);
  for (const [from, to] of Object.values(diff.updated)) collectAssetIds({ a: from, b: to }, into);
  return into;
}

/** Every asset the records point at, so main can drop the rest. */
export function collectAssetIds(records: RecordMap, into = new Set<string>()): Set<string> {
  for (const record of Object.values(records)) {
    if (record.typeName === 'layer') into.add(record.assetId);
    else if (record.typeName === 'mask-op' && record.op.kind === 'raster') into.add(record.op.assetId);
  }
  return into;
}
