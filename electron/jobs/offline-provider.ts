import { padRect, type Rect } from '../../shared/geometry.ts';
import { chooseFillMethod, estimateFillSeconds } from '../engine/choose-method.ts';
import { contextWindowFor } from '../engine/fill-context-window.ts';
import type { FillRunner } from '../engine/fill-runner.ts';
import type { FillMethod } from '../engine/types.ts';
import type { Provider, ProviderCandidate } from './provider.ts';
import { progressSteps } from './progress-steps.ts';

interface OfflineProviderSpec {
  id: string;
  label: string;
  description: string;
  /** A fixed method, or 'auto' to choose by the hole's shape and size. */
  method: FillMethod | 'auto';
  contextRegion: (maskBounds: Rect, canvas: Rect) => Rect;
}

/** Telea's fill reads a ring of about its radius (5 px) around the hole; a little more costs nothing. */
const SMOOTH_PADDING = 16;

/** Content-aware fill needs source patches around the hole: a window in proportion to it. */
function contentAwareRegion(bounds: Rect, canvas: Rect): Rect {
  const local = contextWindowFor({ x: bounds.x - canvas.x, y: bounds.y - canvas.y, width: bounds.width, height: bounds.height }, canvas.width, canvas.height);
  return { ...local, x: local.x + canvas.x, y: local.y + canvas.y };
}

export const offlineProviderSpecs: readonly OfflineProviderSpec[] = [
  {
    id: 'offline-auto',
    label: 'Offline — automatic',
    description: 'Fills on this computer, no key or network: smooth fill for thin marks, content-aware fill for larger areas. Ignores the prompt.',
    method: 'auto',
    contextRegion: contentAwareRegion,
  },
  {
    id: 'offline-smooth',
    label: 'Offline — smooth fill',
    description: 'Fills the mask from its edges on this computer. Best for scratches, text, wires and dust; ignores the prompt.',
    method: 'smooth',
    contextRegion: (bounds, canvas) => padRect(bounds, SMOOTH_PADDING, canvas),
  },
  {
    id: 'offline-content-aware',
    label: 'Offline — content-aware',
    description: 'Rebuilds the masked area from patches of the rest of the photo on this computer. Best for removing objects and extending borders; ignores the prompt.',
    method: 'content-aware',
    contextRegion: contentAwareRegion,
  },
];

function holeOf(mask: Uint8Array): { hole: Uint8Array; pixels: number } {
  // Soft brush edges are blended later by the mask's value; every painted pixel is filled.
  const hole = new Uint8Array(mask.length);
  let pixels = 0;
  for (let i = 0; i < hole.length; i++) {
    if (mask[i]! > 0) {
      hole[i] = 255;
      pixels++;
    }
  }
  return { hole, pixels };
}

const methodNames: Record<FillMethod, string> = { smooth: 'smooth fill', 'content-aware': 'content-aware fill' };

/** An offline engine as a provider: no key, no network, the prompt is ignored. */
export function createOfflineProvider(spec: OfflineProviderSpec, fill: FillRunner): Provider {
  const methodFor = (hole: Uint8Array, region: Rect): FillMethod =>
    spec.method === 'auto' ? chooseFillMethod(hole, region.width, region.height) : spec.method;

  return {
    info: {
      id: spec.id,
      label: spec.label,
      kind: 'offline',
      supportsPrompt: false,
      description: spec.description,
      // Smooth fill is deterministic (a seed or variations would change nothing) and reads only
      // the hole's edge (nothing to exclude from).
      tuning: spec.method === 'smooth' ? [] : ['seed', 'variations', 'exclude'],
    },
    contextRegion: spec.contextRegion,

    estimate(mask, region) {
      const { hole, pixels } = holeOf(mask);
      const method = methodFor(hole, region);
      return {
        seconds: estimateFillSeconds(method, pixels, region.width * region.height),
        detail: `${methodNames[method]} of ${pixels.toLocaleString('en-US')} px`,
        method,
        pixels,
      };
    },

    async run(input, context) {
      const { image, seed } = input;
      const { hole } = holeOf(input.mask);
      const method = methodFor(hole, input.region);
      // Smooth fill is deterministic: variations only make sense for content-aware fill.
      const count = method === 'smooth' ? 1 : Math.max(1, input.n);
      const candidates: ProviderCandidate[] = [];
      for (let i = 0; i < count; i++) {
        const variationSeed = (seed + i) % 2 ** 31;
        const rgba = await fill.fill(
          {
            width: image.width,
            height: image.height,
            rgba: image.data,
            mask: hole,
            method,
            seed: variationSeed,
            ...(input.exclude && method === 'content-aware' ? { exclude: input.exclude } : {}),
          },
          { signal: context.signal, onProgress: (fraction) => context.progress('running', (i + fraction) / count, method === 'smooth' ? progressSteps.fillSmooth() : progressSteps.fillContentAware()) },
        );
        candidates.push({ image: { width: image.width, height: image.height, data: rgba }, seed: variationSeed, model: method });
      }
      return candidates;
    },
  };
}
