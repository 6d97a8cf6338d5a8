import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { LayerSnapshot, MaskInput } from '../../shared/contract/schemas.ts';
import { InfillError } from '../../shared/errors.ts';
import type { Rect } from '../../shared/geometry.ts';
import type { RgbaImage } from '../jobs/provider.ts';
import { cropToContent } from '../masks/mask-adjust.ts';
import { flattenRegion } from '../services/flatten.ts';
import { modelFrame } from './preprocess.ts';
import { decoderPoints, type SegmentPrompt } from './prompt.ts';
import type { Segmenter } from './segmenter.ts';

/** Candidates whose low-res logits are kept for refinement (each 256 KB). */
const MAX_CANDIDATES = 16;

export interface Analysis {
  /** The flattened pixels' content id: the same photo analysed twice is one embedding. */
  embeddingId: string;
  width: number;
  height: number;
}

export interface SegmentResult {
  candidateId: string;
  /** In document pixels, cropped to the object; null when the model found nothing. */
  mask: MaskInput | null;
  score: number;
}

export interface SegmentService {
  /** Flattens the visible layers and makes (or reuses) the model's embedding of them. */
  analyse(input: { canvas: Rect; layers: readonly LayerSnapshot[] }): Promise<Analysis>;
  /** Cancels analyses in progress; their callers get ANALYSIS_CANCELLED. */
  cancel(): boolean;
  /** Points and box in document pixels; `previousId` refines that candidate (its logits go back in). */
  segment(input: { embeddingId: string } & SegmentPrompt & { previousId?: string }): Promise<SegmentResult>;
}

interface Embedded {
  canvas: Rect;
  ready: Promise<void>;
}

/** The image the encoder sees for pixels of this size: longest side 1024, RGB. */
export async function modelInput(image: RgbaImage): Promise<{ pixels: Uint8Array; width: number; height: number }> {
  const frame = modelFrame(image.width, image.height);
  const pixels = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 4 } })
    .resize(frame.width, frame.height, { fit: 'fill', kernel: 'linear' })
    .removeAlpha()
    .raw()
    .toBuffer();
  return { pixels: new Uint8Array(pixels), width: frame.width, height: frame.height };
}

export function createSegmentService(deps: { segmenter: Segmenter; readRgba: (assetId: string) => Promise<RgbaImage> }): SegmentService {
  const embedded = new Map<string, Embedded>();
  const candidates = new Map<string, Float32Array>();
  const running = new Set<AbortController>();
  let candidateCounter = 0;

  return {
    async analyse({ canvas, layers }) {
      const image = await flattenRegion(layers, canvas, deps.readRgba);
      const embeddingId = createHash('sha256')
        .update(`${image.width}x${image.height}:`)
        .update(image.data)
        .digest('hex')
        .slice(0, 32);
      let entry = embedded.get(embeddingId);
      if (!entry) {
        const controller = new AbortController();
        running.add(controller);
        const ready = modelInput(image)
          .then((input) => deps.segmenter.encode({ key: embeddingId, ...input }, controller.signal))
          .finally(() => running.delete(controller));
        entry = { canvas, ready };
        embedded.set(embeddingId, entry);
        // A failed or cancelled analysis is not an embedding: the next request starts again.
        ready.catch(() => embedded.delete(embeddingId));
      }
      await entry.ready;
      return { embeddingId, width: canvas.width, height: canvas.height };
    },

    cancel() {
      const any = running.size > 0;
      for (const controller of running) controller.abort();
      return any;
    },

    async segment({ embeddingId, points, box, previousId }) {
      const entry = embedded.get(embeddingId);
      if (!entry) throw new InfillError('INVALID_INPUT', 'The photo has not been analysed (or has changed since); choose Select object again');
      await entry.ready;
      const { canvas } = entry;
      for (const p of points) {
        if (p.x < canvas.x || p.y < canvas.y || p.x >= canvas.x + canvas.width || p.y >= canvas.y + canvas.height) {
          throw new InfillError('INVALID_INPUT', `The point ${Math.round(p.x)},${Math.round(p.y)} is outside the ${canvas.width}×${canvas.height} image`);
        }
      }
      const local: SegmentPrompt = {
        points: points.map((p) => ({ x: p.x - canvas.x, y: p.y - canvas.y, include: p.include })),
        ...(box ? { box: { ...box, x: box.x - canvas.x, y: box.y - canvas.y } } : {}),
      };
      const previous = previousId ? candidates.get(previousId) : undefined;
      const frame = maskFrame(canvas.width, canvas.height);
      const request = { key: embeddingId, points: decoderPoints(local, modelFrame(canvas.width, canvas.height)), ...frame };
      const decode = async (withPrevious: boolean) => {
        const decoded = await deps.segmenter.decode({ ...request, ...(withPrevious && previous ? { previous } : {}) });
        return { ...decoded, mask: await toImageSize(decoded.mask, frame, canvas.width, canvas.height) };
      };
      let result = await decode(true);
      // The fed-back mask can outweigh a new point (an Alt-click on a part it already holds):
      // every point must be honoured, so when one is not, the points alone decide.
      if (previous && !honoursPoints(result.mask, canvas.width, local.points)) result = await decode(false);
      const candidateId = `cand-${++candidateCounter}`;
      candidates.set(candidateId, result.lowRes);
      for (const old of candidates.keys()) {
        if (candidates.size <= MAX_CANDIDATES) break;
        candidates.delete(old);
      }
      const mask = cropToContent({ x: canvas.x, y: canvas.y, width: canvas.width, height: canvas.height, alpha: result.mask });
      return { candidateId, mask, score: result.score };
    },
  };
}

/**
 * The size the decoder paints its mask at: the image's, up to 2048 px on the long side. The
 * model's mask comes from 256² logits, so painting it at 24 MP costs seconds and a 96 MB
 * tensor for no extra detail; it is scaled up here instead (bilinear, then thresholded).
 */
export const MAX_MASK_SIDE = 2048;

export function maskFrame(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, MAX_MASK_SIDE / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

async function toImageSize(mask: Uint8Array, frame: { width: number; height: number }, width: number, height: number): Promise<Uint8Array> {
  if (frame.width === width && frame.height === height) return mask;
  const scaled = await sharp(mask, { raw: { width: frame.width, height: frame.height, channels: 1 } })
    .resize(width, height, { fit: 'fill', kernel: 'linear' })
    .raw()
    .toBuffer();
  const out = new Uint8Array(scaled.length);
  for (let i = 0; i < scaled.length; i++) out[i] = scaled[i]! >= 128 ? 255 : 0;
  return out;
}

/** Whether every include point is inside the mask and every exclude point outside it. */
export function honoursPoints(mask: Uint8Array, width: number, points: SegmentPrompt['points']): boolean {
  return points.every((p) => (mask[Math.floor(p.y) * width + Math.floor(p.x)]! > 0) === p.include);
}
