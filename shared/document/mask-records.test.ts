import { describe, expect, it } from 'vitest';
import { recordMapSchema } from './record-schemas.ts';
import { collectAssetIds, type RecordMap } from './records.ts';

const MASK_ASSET = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const LAYER_ASSET = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';

const records: RecordMap = {
  document: { typeName: 'document', id: 'document', canvas: { x: 0, y: 0, width: 100, height: 80 }, order: ['l1'], name: 'p.png' },
  l1: { typeName: 'layer', id: 'l1', kind: 'image', name: 'p', assetId: LAYER_ASSET, x: 0, y: 0, width: 100, height: 80, visible: true, opacity: 1 },
  m1: { typeName: 'mask-op', id: 'm1', seq: 1, op: { kind: 'rect', x: 1, y: 2, width: 30, height: 20, mode: 'replace' } },
  m2: { typeName: 'mask-op', id: 'm2', seq: 2, op: { kind: 'ellipse', x: 10, y: 10, width: 40, height: 20, mode: 'add' } },
  m3: { typeName: 'mask-op', id: 'm3', seq: 3, op: { kind: 'polygon', points: [0, 0, 10, 0, 10, 10], mode: 'subtract' } },
  m4: { typeName: 'mask-op', id: 'm4', seq: 4, op: { kind: 'raster', assetId: MASK_ASSET, x: 3, y: 4, width: 20, height: 10, mode: 'add' }, target: 'exclude' },
};

describe('selection mask records', () => {
  it('validate as a document (a saved session round-trips them)', () => {
    expect(recordMapSchema.parse(JSON.parse(JSON.stringify(records)))).toEqual(records);
  });

  it('refuse a polygon with fewer than three corners and a raster without an asset id', () => {
    const bad = { ...records, m3: { ...records.m3!, op: { kind: 'polygon', points: [0, 0, 1, 1] } } };
    expect(recordMapSchema.safeParse(bad).success).toBe(false);
    const noAsset = { ...records, m4: { ...records.m4!, op: { kind: 'raster', assetId: 'nope', x: 0, y: 0, width: 1, height: 1 } } };
    expect(recordMapSchema.safeParse(noAsset).success).toBe(false);
  });

  it('keep their mask assets alive like layer assets', () => {
    expect(collectAssetIds(records)).toEqual(new Set([LAYER_ASSET, MASK_ASSET]));
  });
});
