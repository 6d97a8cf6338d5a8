import { describe, expect, it } from 'vitest';
import { getMaskOps, type RecordMap } from '../../shared/document/records.ts';
import { recordSchema } from '../../shared/document/record-schemas.ts';
import { addMaskOp, clearMask } from './document-ops.ts';

const stroke = { kind: 'stroke' as const, mode: 'paint' as const, size: 10, hardness: 1, points: [1, 1, 9, 9] };

describe('the fill mask and the exclusion', () => {
  it('keep their operations apart, each in its own order', () => {
    let records: RecordMap = {};
    records = addMaskOp(records, stroke, 'm1');
    records = addMaskOp(records, stroke, 'x1', 'exclude');
    records = addMaskOp(records, { kind: 'invert' }, 'm2');
    records = addMaskOp(records, stroke, 'x2', 'exclude');
    expect(getMaskOps(records).map((r) => r.id)).toEqual(['m1', 'm2']);
    expect(getMaskOps(records, 'exclude').map((r) => r.id)).toEqual(['x1', 'x2']);
    // A fill mask record carries no target, as documents saved before the exclusion brush.
    expect('target' in records.m1!).toBe(false);
  });

  it('are cleared one at a time', () => {
    let records: RecordMap = {};
    records = addMaskOp(records, stroke, 'm1');
    records = addMaskOp(records, stroke, 'x1', 'exclude');
    expect(Object.keys(clearMask(records))).toEqual(['x1']);
    expect(Object.keys(clearMask(records, 'exclude'))).toEqual(['m1']);
  });

  it('both pass the record schema that guards a restored session', () => {
    const records = addMaskOp(addMaskOp({}, stroke, 'm1'), stroke, 'x1', 'exclude');
    for (const record of Object.values(records)) expect(recordSchema.safeParse(record).success).toBe(true);
    expect(recordSchema.safeParse({ ...records.x1, target: 'elsewhere' }).success).toBe(false);
  });
});
