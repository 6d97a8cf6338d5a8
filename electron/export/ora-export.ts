import { zipSync, type Zippable } from 'fflate';
import { exportedSize } from '../../shared/contract/export-schemas.ts';
import { encodeRgba } from '../services/image-codec.ts';
import type { AssetStore } from '../services/asset-store.ts';
import type { LayeredSource } from './layered-source.ts';

/**
 * OpenRaster (the layered format Krita, GIMP and MyPaint read): a zip whose first entry is the
 * uncompressed `mimetype`, a `stack.xml` listing the layers top first, one PNG per layer,
 * `mergedimage.png` and a thumbnail of at most 256 px.
 */
const THUMBNAIL_SIDE = 256;

function escapeAttribute(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}

export async function writeOra(source: LayeredSource, store: AssetStore): Promise<Uint8Array> {
  const files: Zippable = { mimetype: [new TextEncoder().encode('image/openraster'), { level: 0 }] };
  const entries: string[] = [];
  for (const [index, layer] of source.layers.entries()) {
    const path = `data/layer${index}.png`;
    // PNG assets (generated layers, opened PNGs) go in as they are; PNG is already compressed.
    const stored = await store.read(layer.assetId);
    const png = stored.mime === 'image/png' ? stored.bytes : await encodeRgba(layer.image, 'png', 100, { fast: true });
    files[path] = [png, { level: 0 }];
    entries.unshift(
      `<layer name="${escapeAttribute(layer.name)}" src="${path}" x="${layer.left}" y="${layer.top}" opacity="${layer.opacity.toFixed(3)}" visibility="${layer.visible ? 'visible' : 'hidden'}" composite-op="svg:src-over"/>`,
    );
  }
  const stack = [
    "<?xml version='1.0' encoding='UTF-8'?>",
    `<image version="0.0.5" w="${source.width}" h="${source.height}"><stack>`,
    ...entries,
    '</stack></image>',
  ].join('\n');
  files['stack.xml'] = new TextEncoder().encode(stack);
  files['mergedimage.png'] = [await encodeRgba(source.merged, 'png', 100, { fast: true }), { level: 0 }];
  files['Thumbnails/thumbnail.png'] = [await thumbnailPng(source), { level: 0 }];
  return zipSync(files);
}

function thumbnailPng(source: LayeredSource): Promise<Uint8Array> {
  const { merged } = source;
  const resize = exportedSize(merged.width, merged.height, { kind: 'longSide', pixels: THUMBNAIL_SIDE });
  return encodeRgba(merged, 'png', 100, { resize });
}
