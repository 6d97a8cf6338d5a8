import { writePsdUint8Array, type Layer, type Psd } from 'ag-psd';
import type { LayeredSource } from './layered-source.ts';

/**
 * A layered Photoshop file (ag-psd): every layer with its name, position, opacity and
 * visibility, plus the flattened composite that viewers without layer support show. `xmp`
 * (the generation and the photo's caption and alt text) goes where Photoshop and Bridge read a
 * file's metadata: its XMP image resource.
 */
export function writePsd(source: LayeredSource, xmp?: string): Uint8Array {
  const children: Layer[] = source.layers.map((layer) => ({
    name: layer.name,
    left: layer.left,
    top: layer.top,
    right: layer.left + layer.image.width,
    bottom: layer.top + layer.image.height,
    opacity: layer.opacity,
    hidden: !layer.visible,
    blendMode: 'normal',
    imageData: { width: layer.image.width, height: layer.image.height, data: layer.image.data },
  }));
  const psd: Psd = {
    width: source.width,
    height: source.height,
    children,
    imageData: { width: source.merged.width, height: source.merged.height, data: source.merged.data },
    ...(xmp ? { imageResources: { xmpMetadata: xmp } } : {}),
  };
  // No thumbnail: ag-psd draws it with a canvas, which main does not have; Photoshop makes its own.
  return writePsdUint8Array(psd, { generateThumbnail: false, noBackground: true });
}
