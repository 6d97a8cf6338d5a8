import { describe, expect, it } from 'vitest';
import { chooseFillMethod, estimateFillSeconds } from './choose-method.ts';
import { discMask, rectMask, scratchMask } from './test-support.ts';

describe('chooseFillMethod', () => {
  it('picks smooth for a 3 px scratch and content-aware for a 60 px blob', () => {
    expect(chooseFillMethod(scratchMask(400, 300, 3), 400, 300)).toBe('smooth');
    expect(chooseFillMethod(discMask(400, 300, 200, 150, 30), 400, 300)).toBe('content-aware');
  });

  it('treats thin lines of text and tiny specks as smooth, wide bands as content-aware', () => {
    expect(chooseFillMethod(rectMask(400, 300, 50, 100, 350, 110), 400, 300)).toBe('smooth');
    expect(chooseFillMethod(discMask(400, 300, 20, 20, 6), 400, 300)).toBe('smooth');
    expect(chooseFillMethod(rectMask(400, 300, 360, 0, 400, 300), 400, 300)).toBe('content-aware');
    expect(chooseFillMethod(new Uint8Array(400 * 300), 400, 300)).toBe('smooth');
  });
});

describe('estimateFillSeconds', () => {
  it('grows with the hole and is much larger for content-aware', () => {
    const small = estimateFillSeconds('content-aware', 10_000, 250_000);
    const large = estimateFillSeconds('content-aware', 480_000, 6_300_000);
    expect(large).toBeGreaterThan(small * 10);
    expect(estimateFillSeconds('smooth', 50_000, 1_000_000)).toBeLessThan(estimateFillSeconds('content-aware', 50_000, 1_000_000) / 3);
    expect(estimateFillSeconds('smooth', 0, 0)).toBeGreaterThan(0);
  });
});
