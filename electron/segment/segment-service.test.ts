import { describe, expect, it } from 'vitest';
import type { RgbaImage } from '../jobs/provider.ts';
import { createSegmentService, honoursPoints, maskFrame } from './segment-service.ts';
import type { Segmenter } from './segmenter.ts';
import type { DecodeRequest, EncodeRequest } from './segment-engine.ts';

const ASSET = '0123456789abcdef0123456789abcdef';
const canvas = { x: 0, y: 0, width: 40, height: 20 };
const layers = [{ assetId: ASSET, x: 0, y: 0, opacity: 1, visible: true }];

function image(fill: number): RgbaImage {
  return { width: 40, height: 20, data: new Uint8Array(40 * 20 * 4).fill(fill) };
}

/** A segmenter that records its calls and answers with a mask of the left half (or whatever `answer` says). */
function fakeSegmenter(answer: (request: DecodeRequest) => Uint8Array) {
  const encodes: EncodeRequest[] = [];
  const decodes: DecodeRequest[] = [];
  const segmenter: Segmenter = {
    async encode(request) {
      encodes.push(request);
    },
    async decode(request) {
      decodes.push(request);
      return { mask: answer(request), lowRes: new Float32Array(256 * 256).fill(decodes.length), score: 0.9 };
    },
    async close() {},
  };
  return { segmenter, encodes, decodes };
}

const leftHalf = () => {
  const mask = new Uint8Array(40 * 20);
  for (let y = 0; y < 20; y++) mask.fill(255, y * 40, y * 40 + 20);
  return mask;
};

describe('segment service', () => {
  it('analyses the flattened pixels once per content, at the model frame size', async () => {
    let fill = 10;
    const { segmenter, encodes } = fakeSegmenter(leftHalf);
    const service = createSegmentService({ segmenter, readRgba: async () => image(fill) });
    const first = await service.analyse({ canvas, layers });
    const again = await service.analyse({ canvas, layers });
    expect(again.embeddingId).toBe(first.embeddingId);
    expect(encodes).toHaveLength(1);
    expect([encodes[0]!.width, encodes[0]!.height]).toEqual([1024, 512]);
    expect(encodes[0]!.pixels.length).toBe(1024 * 512 * 3);
    fill = 11; // the pixels changed: a new embedding
    const changed = await service.analyse({ canvas, layers });
    expect(changed.embeddingId).not.toBe(first.embeddingId);
    expect(encodes).toHaveLength(2);
  });

  it('returns the mask cropped in document pixels and feeds the previous logits back on refinement', async () => {
    const { segmenter, decodes } = fakeSegmenter(leftHalf);
    const service = createSegmentService({ segmenter, readRgba: async () => image(0) });
    const { embeddingId } = await service.analyse({ canvas, layers });
    const first = await service.segment({ embeddingId, points: [{ x: 5, y: 5, include: true }] });
    expect(first.mask).toMatchObject({ x: 0, y: 0, width: 20, height: 20 });
    expect(decodes[0]!.previous).toBeUndefined();
    const second = await service.segment({ embeddingId, points: [{ x: 5, y: 5, include: true }, { x: 10, y: 10, include: true }], previousId: first.candidateId });
    expect(decodes[1]!.previous?.[0]).toBe(1); // the first decode's low-res logits
    expect(decodes[1]!.points.count).toBe(3); // both points and the padding point
    expect(second.candidateId).not.toBe(first.candidateId);
  });

  it('decodes again from the points alone when the fed-back mask overrides an exclude point', async () => {
    const { segmenter, decodes } = fakeSegmenter((request) => (request.previous ? leftHalf() : new Uint8Array(40 * 20)));
    const service = createSegmentService({ segmenter, readRgba: async () => image(0) });
    const { embeddingId } = await service.analyse({ canvas, layers });
    const first = await service.segment({ embeddingId, points: [{ x: 5, y: 5, include: true }] });
    await service.segment({ embeddingId, points: [{ x: 5, y: 5, include: true }, { x: 6, y: 6, include: false }], previousId: first.candidateId });
    expect(decodes).toHaveLength(3);
    expect(decodes[2]!.previous).toBeUndefined();
  });

  it('refuses points outside the image, naming its size', async () => {
    const { segmenter } = fakeSegmenter(leftHalf);
    const service = createSegmentService({ segmenter, readRgba: async () => image(0) });
    const { embeddingId } = await service.analyse({ canvas, layers });
    await expect(service.segment({ embeddingId, points: [{ x: 40, y: 5, include: true }] })).rejects.toThrow(/outside the 40×20 image/);
    await expect(service.segment({ embeddingId: 'f'.repeat(32), points: [{ x: 1, y: 1, include: true }] })).rejects.toThrow(/not been analysed/);
  });
});

describe('honoursPoints', () => {
  it('checks include points are in and exclude points out', () => {
    const mask = leftHalf();
    expect(honoursPoints(mask, 40, [{ x: 3, y: 3, include: true }, { x: 30, y: 3, include: false }])).toBe(true);
    expect(honoursPoints(mask, 40, [{ x: 3, y: 3, include: false }])).toBe(false);
  });
});

describe('maskFrame', () => {
  it('keeps images up to 2048 px and scales bigger ones to 2048 on the long side', () => {
    expect(maskFrame(600, 400)).toEqual({ width: 600, height: 400 });
    expect(maskFrame(6000, 4000)).toEqual({ width: 2048, height: 1365 });
  });

  it('asks the decoder for the smaller frame and returns the mask at the image size', async () => {
    const big = { x: 0, y: 0, width: 4096, height: 100 };
    const { segmenter, decodes } = fakeSegmenter((request) => new Uint8Array(request.width * request.height).fill(255, 0, request.width * request.height));
    const service = createSegmentService({ segmenter, readRgba: async () => ({ width: 4096, height: 100, data: new Uint8Array(4096 * 100 * 4) }) });
    const { embeddingId } = await service.analyse({ canvas: big, layers });
    const result = await service.segment({ embeddingId, points: [{ x: 4000, y: 50, include: true }] });
    expect([decodes[0]!.width, decodes[0]!.height]).toEqual([2048, 50]);
    expect(result.mask).toMatchObject({ x: 0, y: 0, width: 4096, height: 100 });
  });
});
