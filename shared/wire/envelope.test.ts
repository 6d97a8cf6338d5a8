import { describe, expect, it } from 'vitest';
import { decodeEnvelope, encodeEnvelope, encodeEnvelopeParts } from './envelope.ts';

describe('envelope', () => {
  it('round-trips nested binary data', () => {
    const value = { name: 'a.png', bytes: new Uint8Array([1, 2, 3]), list: [{ alpha: new Uint8Array(0) }, 4, null] };
    expect(decodeEnvelope(encodeEnvelope(value))).toEqual(value);
  });

  it('gives the same bytes as parts, each byte array passed through uncopied', () => {
    const photo = new Uint8Array([7, 7, 7]);
    const value = { photo, mask: new Uint8Array([1]) };
    const parts = encodeEnvelopeParts(value);
    expect(parts[1]).toBe(photo);
    expect(Buffer.concat(parts)).toEqual(Buffer.from(encodeEnvelope(value)));
  });

  it('refuses truncated bodies', () => {
    const encoded = encodeEnvelope({ bytes: new Uint8Array(100) });
    expect(() => decodeEnvelope(encoded.subarray(0, encoded.length - 10))).toThrow(/truncated/);
    expect(() => decodeEnvelope(new Uint8Array([0, 0]))).toThrow(/too short/);
  });
});
