import { describe, expect, it } from 'vitest';
import type { RgbaImage } from '../jobs/provider.ts';
import { drawOver, flattenRegion } from './flatten.ts';

function solid(width: number, height: number, rgba: [number, number, number, number]): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < data.length; i += 4) data.set(rgba, i);
  return { width, height, data };
}

describe('flatten', () => {
  it('leaves pixels a layer keeps transparent bit-identical', () => {
    const base = solid(4, 4, [10, 20, 30, 255]);
    const overlay = solid(4, 4, [200, 200, 200, 0]);
    overlay.data.set([200, 100, 50, 255], 0);
    const target: RgbaImage = { width: 4, height: 4, data: base.data.slice() };
    drawOver(target, { x: 0, y: 0, width: 4, height: 4 }, overlay, 0, 0, 1);
    expect([...target.data.subarray(0, 4)]).toEqual([200, 100, 50, 255]);
    expect(target.data.subarray(4)).toEqual(base.data.subarray(4));
  });

  it('blends by alpha and layer opacity', () => {
    const target = solid(1, 1, [0, 0, 0, 255]);
    drawOver(target, { x: 0, y: 0, width: 1, height: 1 }, solid(1, 1, [255, 255, 255, 255]), 0, 0, 0.5);
    expect([...target.data]).toEqual([128, 128, 128, 255]);
  });

  it('places layers at offsets, partly outside the region', async () => {
    const layers: Record<string, RgbaImage> = { a: solid(4, 4, [1, 1, 1, 255]), b: solid(2, 2, [9, 9, 9, 255]) };
    const flat = await flattenRegion(
      [
        { assetId: 'a', x: 0, y: 0, opacity: 1, visible: true },
        { assetId: 'b', x: 3, y: -1, opacity: 1, visible: true },
        { assetId: 'b', x: 0, y: 0, opacity: 1, visible: false },
      ],
      { x: 0, y: 0, width: 4, height: 4 },
      async (id) => layers[id]!,
    );
    expect([...flat.data.subarray(12, 16)]).toEqual([9, 9, 9, 255]); // (3,0)
    expect([...flat.data.subarray(0, 4)]).toEqual([1, 1, 1, 255]); // hidden layer ignored
    expect([...flat.data.subarray(28, 32)]).toEqual([1, 1, 1, 255]); // (3,1) outside b
  });
});
