import { describe, expect, it } from 'vitest';
import { maskBounds } from '../../shared/mask-bounds.ts';
import { contextWindowFor } from './fill-context-window.ts';
import { discMask } from './test-support.ts';

describe('contextWindowFor', () => {
  it('pads a small hole by 64 px and a large one by its larger side, clipped to the image', () => {
    expect(contextWindowFor({ x: 1000, y: 1000, width: 20, height: 10 }, 6000, 4000)).toEqual({ x: 936, y: 936, width: 148, height: 138 });
    expect(contextWindowFor({ x: 2000, y: 1500, width: 800, height: 400 }, 6000, 4000)).toEqual({ x: 1200, y: 700, width: 2400, height: 2000 });
    expect(contextWindowFor({ x: 10, y: 3950, width: 100, height: 50 }, 6000, 4000)).toEqual({ x: 0, y: 3850, width: 210, height: 150 });
    expect(contextWindowFor({ x: 0, y: 0, width: 0, height: 0 }, 100, 100)).toEqual({ x: 0, y: 0, width: 0, height: 0 });
  });
});

describe('maskBounds', () => {
  it('bounds the non-zero pixels', () => {
    expect(maskBounds(discMask(100, 80, 50, 40, 10), 100, 80)).toEqual({ x: 40, y: 30, width: 21, height: 21 });
    expect(maskBounds(new Uint8Array(16), 4, 4)).toBeUndefined();
  });
});
