import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import type { Rect } from '../../shared/geometry.ts';
import type { Provider, ProviderJobInput, RgbaImage } from '../../electron/jobs/provider.ts';
import { compositeOver } from '../../electron/gateways/prep/composite.ts';
import { DEFAULT_BUDGET_BYTES } from '../../electron/gateways/prep/payload-budget.ts';

/** A document, a painted mask and the runner's part of a job, for provider tests. */

export interface TestDocument {
  canvas: Rect;
  image: RgbaImage;
  /** Document-sized, 0 keep / 255 change. */
  mask: Uint8Array;
}

/** A photo-like picture: smooth gradients plus deterministic noise (so PNG does not flatter it). */
export function photoLike(width: number, height: number, seed = 7): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  let state = seed;
  const noise = (): number => {
    state = (state * 1_103_515_245 + 12_345) & 0x7fffffff;
    return (state % 25) - 12;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      data[o] = Math.max(0, Math.min(255, 60 + (150 * x) / width + noise()));
      data[o + 1] = Math.max(0, Math.min(255, 90 + 100 * Math.sin(y / 60) * 0.5 + noise()));
      data[o + 2] = Math.max(0, Math.min(255, 140 - (80 * y) / height + noise()));
      data[o + 3] = 255;
    }
  }
  return { width, height, data };
}

export function discMask(width: number, height: number, cx: number, cy: number, r: number): Uint8Array {
  const m = new Uint8Array(width * height);
  for (let y = Math.max(0, cy - r); y < Math.min(height, cy + r + 1); y++) {
    for (let x = Math.max(0, cx - r); x < Math.min(width, cx + r + 1); x++) if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) m[y * width + x] = 255;
  }
  return m;
}

export function boundsOf(mask: Uint8Array, width: number, height: number): Rect {
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if ((mask[y * width + x] ?? 0) > 0) {
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y);
  }
  return { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

export function cropImage(image: RgbaImage, r: Rect): RgbaImage {
  const data = new Uint8Array(r.width * r.height * 4);
  for (let y = 0; y < r.height; y++) data.set(image.data.subarray(((y + r.y) * image.width + r.x) * 4, ((y + r.y) * image.width + r.x + r.width) * 4), y * r.width * 4);
  return { width: r.width, height: r.height, data };
}

export function cropMask(mask: Uint8Array, width: number, r: Rect): Uint8Array {
  const out = new Uint8Array(r.width * r.height);
  for (let y = 0; y < r.height; y++) out.set(mask.subarray((y + r.y) * width + r.x, (y + r.y) * width + r.x + r.width), y * r.width);
  return out;
}

export interface NaiveUpload {
  /** The whole picture as PNG, the naive client's first try. */
  pngBytes: number;
  /** The image file it ends up sending. */
  bytes: number;
  /** The same on the wire: `bytes × transport` (4/3 when base64 inside JSON). */
  wireBytes: number;
  encodes: number;
  ms: number;
  /** What it settled on, e.g. "JPEG q90 6000x4000". */
  final: string;
}

/**
 * What naive clients do with a big photo and a small mask: send the whole picture, as PNG, then
 * as JPEG at falling quality (95 → 60), then smaller, until it fits the relay's cap on the wire.
 * `transport` is what the protocol multiplies bytes by (1 multipart, 4/3 base64).
 */
export async function naiveUpload(image: RgbaImage, budgetBytes = DEFAULT_BUDGET_BYTES, transport = 1): Promise<NaiveUpload> {
  const started = performance.now();
  const raw = () => sharp(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength), { raw: { width: image.width, height: image.height, channels: 4 } }).removeAlpha();
  let encodes = 1;
  const pngBytes = (await raw().png().toBuffer()).length;
  let bytes = pngBytes;
  let final = `PNG ${image.width}x${image.height}`;
  let quality = 95;
  let scale = 1;
  while (bytes * transport >= budgetBytes) {
    const w = Math.round(image.width * scale);
    const h = Math.round(image.height * scale);
    bytes = (await raw().resize(w, h).jpeg({ quality }).toBuffer()).length;
    encodes++;
    final = `JPEG q${quality} ${w}x${h}`;
    if (quality > 60) quality -= 5;
    else scale *= 0.9;
  }
  return { pngBytes, bytes, wireBytes: Math.ceil(bytes * transport), encodes, ms: performance.now() - started, final };
}

/** What the job runner does before calling the provider. */
export function jobInput(provider: Provider, doc: TestDocument, overrides: Partial<ProviderJobInput> = {}): ProviderJobInput {
  const region = provider.contextRegion(boundsOf(doc.mask, doc.canvas.width, doc.canvas.height), doc.canvas);
  return {
    image: cropImage(doc.image, region),
    mask: cropMask(doc.mask, doc.canvas.width, region),
    region,
    canvas: doc.canvas,
    prompt: 'a small wooden boat',
    seed: 42,
    n: 1,
    ...overrides,
  };
}

/** What the job runner does after: composite only inside the blend mask onto the original crop. */
export function compositeBack(input: ProviderJobInput, candidate: { image: RgbaImage; blendMask?: Uint8Array }): RgbaImage {
  return compositeOver(input.image, candidate.image, candidate.blendMask ?? input.mask);
}

/**
 * Independent of the code under test (no distance transform): every changed pixel must lie within
 * `limit` of a painted pixel; the nearest painted pixel to an outside point is on the boundary.
 * Returns how many changed pixels are farther.
 */
export function changedFarFromMask(input: ProviderJobInput, output: RgbaImage, limit: number): number {
  const { width, height } = input.image;
  const m = input.mask;
  const painted = (x: number, y: number): boolean => x >= 0 && y >= 0 && x < width && y < height && (m[y * width + x] ?? 0) > 0;
  const boundary: Array<[number, number]> = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (painted(x, y) && (!painted(x - 1, y) || !painted(x + 1, y) || !painted(x, y - 1) || !painted(x, y + 1))) boundary.push([x, y]);
    }
  }
  let changed = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      let same = true;
      for (let c = 0; c < 4; c++) if (input.image.data[o + c] !== output.data[o + c]) same = false;
      if (same || painted(x, y)) continue;
      let near = false;
      for (const [px, py] of boundary) {
        if ((px - x) ** 2 + (py - y) ** 2 <= limit * limit) {
          near = true;
          break;
        }
      }
      if (!near) changed++;
    }
  }
  return changed;
}
