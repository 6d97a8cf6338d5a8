import { join } from 'node:path';
import sharp from 'sharp';

/**
 * Pictures with a known answer for object selection: a star- or blob-shaped piece cut from one
 * real photo and pasted onto another. The silhouette is the ground truth; its centre is where a
 * person would click. Built from the repository's photos at test time (no extra fixtures).
 */
const photos = join(import.meta.dirname, '../fixtures/photos');

export interface Silhouette {
  name: string;
  width: number;
  height: number;
  /** The composite, RGB. */
  rgb: Uint8Array;
  /** 1 inside the pasted piece, 0 outside. */
  truth: Uint8Array;
  click: { x: number; y: number };
}

interface Spec {
  name: string;
  piece: string;
  /** Where the piece is cut from, in the piece photo's pixels (a square). */
  from: { x: number; y: number; side: number };
  background: string;
  shape: 'star' | 'blob';
  /** Centre and radius in the 512×384 composite. */
  at: { x: number; y: number; r: number };
}

export const silhouetteSpecs: Spec[] = [
  { name: 'fur star on grass', piece: 'chelsea.png', from: { x: 150, y: 180, side: 110 }, background: 'grass.jpg', shape: 'star', at: { x: 150, y: 140, r: 85 } },
  { name: 'wood blob on gravel', piece: 'coffee.jpg', from: { x: 470, y: 40, side: 120 }, background: 'gravel.jpg', shape: 'blob', at: { x: 360, y: 230, r: 90 } },
  { name: 'suit star on brick', piece: 'astronaut.jpg', from: { x: 330, y: 330, side: 120 }, background: 'brick.jpg', shape: 'star', at: { x: 260, y: 190, r: 100 } },
  { name: 'cup blob on grass', piece: 'coffee.jpg', from: { x: 260, y: 140, side: 120 }, background: 'grass.jpg', shape: 'blob', at: { x: 380, y: 220, r: 80 } },
  { name: 'flag blob on gravel', piece: 'astronaut.jpg', from: { x: 10, y: 10, side: 140 }, background: 'gravel.jpg', shape: 'blob', at: { x: 130, y: 200, r: 85 } },
  { name: 'cat-face star on brick', piece: 'chelsea.png', from: { x: 90, y: 60, side: 140 }, background: 'brick.jpg', shape: 'star', at: { x: 300, y: 200, r: 110 } },
  { name: 'suit star on cat', piece: 'astronaut.jpg', from: { x: 330, y: 330, side: 120 }, background: 'chelsea.png', shape: 'star', at: { x: 380, y: 130, r: 90 } },
  { name: 'wood blob on astronaut', piece: 'coffee.jpg', from: { x: 470, y: 40, side: 120 }, background: 'astronaut.jpg', shape: 'blob', at: { x: 380, y: 250, r: 85 } },
];

export const COMPOSITE = { width: 512, height: 384 } as const;

function inside(shape: Spec['shape'], dx: number, dy: number, r: number): boolean {
  const radius = Math.hypot(dx, dy);
  const angle = Math.atan2(dy, dx);
  if (shape === 'blob') return radius <= r * (0.85 + 0.12 * Math.sin(3 * angle + 0.4) + 0.06 * Math.cos(5 * angle));
  // A five-pointed star with rounded-off spikes: the radius swings between 0.6 r and r.
  const spike = Math.abs(Math.cos((5 * angle) / 2));
  return radius <= r * (0.6 + 0.4 * spike ** 2);
}

async function rgbOf(file: string, width: number, height: number, crop?: Spec['from']): Promise<Uint8Array> {
  let image = sharp(join(photos, file)).rotate();
  if (crop) image = image.extract({ left: crop.x, top: crop.y, width: crop.side, height: crop.side });
  const data = await image.resize(width, height, { fit: 'cover' }).removeAlpha().raw().toBuffer();
  return new Uint8Array(data);
}

export async function makeSilhouette(spec: Spec): Promise<Silhouette> {
  const { width, height } = COMPOSITE;
  const rgb = await rgbOf(spec.background, width, height);
  const side = Math.ceil(spec.at.r * 2);
  const piece = await rgbOf(spec.piece, side, side, spec.from);
  const truth = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const dx = x + 0.5 - spec.at.x;
      const dy = y + 0.5 - spec.at.y;
      if (!inside(spec.shape, dx, dy, spec.at.r)) continue;
      const px = Math.min(side - 1, Math.max(0, Math.floor(dx + spec.at.r)));
      const py = Math.min(side - 1, Math.max(0, Math.floor(dy + spec.at.r)));
      truth[y * width + x] = 1;
      rgb.set(piece.subarray((py * side + px) * 3, (py * side + px) * 3 + 3), (y * width + x) * 3);
    }
  }
  return { name: spec.name, width, height, rgb, truth, click: { x: Math.round(spec.at.x), y: Math.round(spec.at.y) } };
}

export async function writeSilhouettePng(silhouette: Silhouette, path: string): Promise<void> {
  await sharp(silhouette.rgb, { raw: { width: silhouette.width, height: silhouette.height, channels: 3 } }).png().toFile(path);
}

/** Intersection over union of a mask (any non-zero value = selected, ≥ 128 for grey) with the truth. */
export function iou(mask: Uint8Array, truth: Uint8Array, threshold = 128): number {
  let both = 0;
  let either = 0;
  for (let i = 0; i < truth.length; i++) {
    const a = mask[i]! >= threshold;
    const b = truth[i] === 1;
    if (a && b) both++;
    if (a || b) either++;
  }
  return either === 0 ? 0 : both / either;
}
