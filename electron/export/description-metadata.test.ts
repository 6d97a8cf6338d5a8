import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { AssetStore } from '../services/asset-store.ts';
import { exportDocument } from './export-document.ts';

const ASSET = 'b'.repeat(32);
const store = { readRgba: async () => ({ width: 8, height: 6, data: new Uint8Array(8 * 6 * 4).fill(200) }) } as unknown as AssetStore;

describe('caption and alt text in exported files', () => {
  it.each(['png', 'jpeg', 'webp'] as const)('%s carries them as XMP (dc:description, IPTC alt text), escaped', async (format) => {
    const description = { caption: 'A cat & a <plant> on a sill', altText: 'Tabby cat beside a green plant' };
    const out = await exportDocument(store, { canvas: { x: 0, y: 0, width: 8, height: 6 }, layers: [{ assetId: ASSET, x: 0, y: 0, opacity: 1, visible: true, name: 'Photo' }], format, quality: 90, description });
    const xmp = (await sharp(out.bytes).metadata()).xmp?.toString('utf8') ?? '';
    expect(xmp).toContain('<dc:description><rdf:Alt><rdf:li xml:lang="x-default">A cat &amp; a &lt;plant&gt; on a sill</rdf:li>');
    expect(xmp).toContain('<Iptc4xmpCore:AltTextAccessibility><rdf:Alt><rdf:li xml:lang="x-default">Tabby cat beside a green plant</rdf:li>');
  });

  it('writes no XMP without a description', async () => {
    const out = await exportDocument(store, { canvas: { x: 0, y: 0, width: 8, height: 6 }, layers: [{ assetId: ASSET, x: 0, y: 0, opacity: 1, visible: true, name: 'Photo' }], format: 'png', quality: 90 });
    expect((await sharp(out.bytes).metadata()).xmp).toBeUndefined();
  });
});
