import type { MaskInput } from '../../shared/contract/schemas.ts';

/** A mask's alpha as a canvas in a colour, for showing a candidate before it is committed. */
export function maskImage(mask: MaskInput, color: readonly [number, number, number]): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = mask.width;
  canvas.height = mask.height;
  const image = new ImageData(mask.width, mask.height);
  const data = image.data;
  for (let i = 0, p = 0; i < mask.alpha.length; i++, p += 4) {
    data[p] = color[0];
    data[p + 1] = color[1];
    data[p + 2] = color[2];
    data[p + 3] = mask.alpha[i]!;
  }
  canvas.getContext('2d')!.putImageData(image, 0, 0);
  return canvas;
}
