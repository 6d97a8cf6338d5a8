import { describe, expect, it } from 'vitest';
import { modelSpec } from '../../../shared/gateway/model-sizes.ts';
import { chooseContextWindow } from './model-context-window.ts';

const gpt1 = modelSpec('gpt-image-1', 'openai-images');
const canvas = { x: 0, y: 0, width: 6000, height: 4000 };

describe('context window', () => {
  it('pads by half the larger side (at least 64 px) and takes the model ratio', () => {
    const r = chooseContextWindow({ x: 2000, y: 2000, width: 400, height: 200 }, canvas, gpt1);
    expect(r.width / r.height).toBeCloseTo(1.5, 2);
    expect(r.x).toBeLessThanOrEqual(2000 - 200);
    expect(r.x + r.width).toBeGreaterThanOrEqual(2400 + 200);
    expect(r.y).toBeLessThanOrEqual(2000 - 200);
  });

  it('never pads less than 64 px, even for a tiny mask', () => {
    const r = chooseContextWindow({ x: 1000, y: 1000, width: 10, height: 10 }, canvas, gpt1);
    expect(r.x).toBeLessThanOrEqual(1000 - 64);
    expect(r.y + r.height).toBeGreaterThanOrEqual(1010 + 64);
  });

  it('slides inside the canvas at an edge instead of shrinking', () => {
    const r = chooseContextWindow({ x: 0, y: 0, width: 300, height: 300 }, canvas, gpt1);
    expect(r.x).toBe(0);
    expect(r.y).toBe(0);
    expect(r.width).toBe(600);
  });

  it('clips to a canvas smaller than the window', () => {
    const small = { x: -100, y: 0, width: 500, height: 300 };
    const r = chooseContextWindow({ x: 0, y: 50, width: 200, height: 200 }, small, gpt1);
    expect(r).toEqual({ x: -100, y: 0, width: 400, height: 300 });
  });
});
