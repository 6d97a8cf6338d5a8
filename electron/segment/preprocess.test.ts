import { describe, expect, it } from 'vitest';
import { encoderTensor, MODEL_SIDE, modelFrame } from './preprocess.ts';
import { decoderPoints, thresholdLogits } from './prompt.ts';

describe('modelFrame', () => {
  it('resizes the longest side to 1024 and keeps the aspect', () => {
    expect(modelFrame(600, 400)).toEqual({ scale: 1024 / 600, width: 1024, height: 683 });
    expect(modelFrame(400, 600)).toEqual({ scale: 1024 / 600, width: 683, height: 1024 });
    expect(modelFrame(6000, 4000).height).toBe(683);
  });
});

describe('encoderTensor', () => {
  it('normalises with ImageNet mean/std per channel, planar, and pads with zeros', () => {
    // Two pixels: the channel means (→ 0) and white.
    const pixels = new Uint8Array([124, 116, 104, 255, 255, 255]);
    const tensor = encoderTensor(pixels, 2, 1, 3);
    const plane = MODEL_SIDE * MODEL_SIDE;
    expect(tensor.length).toBe(3 * plane);
    expect(tensor[0]).toBeCloseTo((124 - 123.675) / 58.395, 5);
    expect(tensor[plane]).toBeCloseTo((116 - 116.28) / 57.12, 5);
    expect(tensor[2 * plane]).toBeCloseTo((104 - 103.53) / 57.375, 5);
    expect(tensor[1]).toBeCloseTo((255 - 123.675) / 58.395, 5);
    expect(tensor[2 * plane + 1]).toBeCloseTo((255 - 103.53) / 57.375, 5);
    // Right of and below the image: zero padding.
    expect(tensor[2]).toBe(0);
    expect(tensor[MODEL_SIDE]).toBe(0);
  });

  it('reads RGBA by skipping alpha', () => {
    const tensor = encoderTensor(new Uint8Array([255, 0, 0, 9]), 1, 1, 4);
    expect(tensor[0]).toBeCloseTo((255 - 123.675) / 58.395, 5);
    expect(tensor[MODEL_SIDE * MODEL_SIDE]).toBeCloseTo(-116.28 / 57.12, 5);
  });
});

describe('decoderPoints', () => {
  const frame = modelFrame(600, 400);

  it('scales points into the 1024 frame and appends SAM’s padding point without a box', () => {
    const points = decoderPoints({ points: [{ x: 300, y: 200, include: true }, { x: 60, y: 30, include: false }] }, frame);
    expect(points.count).toBe(3);
    expect([...points.coords]).toEqual([512, 200 * frame.scale, 60 * frame.scale, 30 * frame.scale, 0, 0].map((v) => Math.fround(v)));
    expect([...points.labels]).toEqual([1, 0, -1]);
  });

  it('gives a box as its two corners (labels 2 and 3) instead of padding', () => {
    const points = decoderPoints({ points: [], box: { x: 60, y: 30, width: 120, height: 90 } }, frame);
    expect(points.count).toBe(2);
    expect([...points.labels]).toEqual([2, 3]);
    expect(points.coords[2]).toBeCloseTo(180 * frame.scale, 3);
    expect(points.coords[3]).toBeCloseTo(120 * frame.scale, 3);
  });

  it('maps a point back: model frame / scale = image pixels', () => {
    const { coords } = decoderPoints({ points: [{ x: 599, y: 399, include: true }] }, frame);
    expect(coords[0]! / frame.scale).toBeCloseTo(599, 3);
    expect(coords[1]! / frame.scale).toBeCloseTo(399, 3);
  });
});

describe('thresholdLogits', () => {
  it('selects where the logit is positive', () => {
    expect([...thresholdLogits(new Float32Array([-3, 0, 0.01, 8]))]).toEqual([0, 0, 255, 255]);
  });
});
