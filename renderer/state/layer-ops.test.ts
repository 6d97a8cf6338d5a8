import { describe, expect, it } from 'vitest';
import { getDocument, getOrderedLayers, type RecordMap } from '../../shared/document/records.ts';
import { addLayers, createDocument, imageLayer, moveLayerTo } from './document-ops.ts';
import { addEmptyLayer, duplicateLayer, layerBelow, offsetLayer, replaceWithMerged } from './layer-ops.ts';

const asset = (id: string, width = 100, height = 80) => ({ assetId: id.padEnd(32, '0'), width, height, mime: 'image/png' });

function threeLayers(): RecordMap {
  const records = createDocument(asset('a'), 'photo.jpg');
  return addLayers(records, [imageLayer(asset('b', 10, 10), 'B', 5, 5), imageLayer(asset('c', 10, 10), 'C', 20, 20)]);
}
const names = (records: RecordMap) => getOrderedLayers(records).map((l) => l.name);

describe('layer operations', () => {
  it('offset moves by whole pixels and does nothing for a zero move', () => {
    const records = threeLayers();
    const b = getOrderedLayers(records)[1]!;
    const moved = offsetLayer(records, b.id, 10, -3);
    expect(moved[b.id]).toMatchObject({ x: 15, y: 2 });
    expect(offsetLayer(records, b.id, 0, 0)).toBe(records);
  });

  it('moveLayerTo reorders as a drop would', () => {
    const records = threeLayers();
    const c = getOrderedLayers(records)[2]!;
    expect(names(moveLayerTo(records, c.id, 0))).toEqual(['C', 'photo.jpg', 'B']);
    expect(names(moveLayerTo(records, c.id, 99))).toEqual(['photo.jpg', 'B', 'C']);
  });

  it('duplicate puts a copy sharing the pixels right above the original', () => {
    const records = threeLayers();
    const b = getOrderedLayers(records)[1]!;
    const next = duplicateLayer(records, b.id, 'B copy', 'copy');
    expect(names(next)).toEqual(['photo.jpg', 'B', 'B copy', 'C']);
    expect(next.copy).toMatchObject({ assetId: b.assetId, x: 5, y: 5 });
  });

  it('an empty layer covers the canvas, above the selected layer', () => {
    const records = threeLayers();
    const base = getOrderedLayers(records)[0]!;
    const next = addEmptyLayer(records, asset('e', 100, 80), 'Layer 4', base.id, 'empty');
    expect(names(next)).toEqual(['photo.jpg', 'Layer 4', 'B', 'C']);
    expect(next.empty).toMatchObject({ x: 0, y: 0, width: 100, height: 80 });
  });

  it('merge replaces the layers by one at the lowest one’s place', () => {
    const records = threeLayers();
    const [base, b] = getOrderedLayers(records);
    expect(layerBelow(records, b!.id)?.id).toBe(base!.id);
    expect(layerBelow(records, base!.id)).toBeUndefined();
    const next = replaceWithMerged(records, [base!.id, b!.id], asset('m'), { x: 0, y: 0 }, { name: 'photo.jpg', opacity: 1 }, 'merged');
    expect(names(next)).toEqual(['photo.jpg', 'C']);
    expect(getDocument(next)?.order[0]).toBe('merged');
    expect(next[b!.id]).toBeUndefined();
  });
});
