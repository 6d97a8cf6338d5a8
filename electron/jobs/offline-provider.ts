import { padRect, type Rect } from '../../shared/geometry.ts';
import type { FillRunner } from '../engine/fill-runner.ts';
import type { FillMethod } from '../engine/types.ts';
import type { Provider } from './provider.ts';

interface OfflineProviderSpec {
  id: string;
  label: string;
  description: string;
  method: FillMethod;
  contextRegion: (maskBounds: Rect, canvas: Rect) => Rect;
}

/** Telea's fill reads a ring of about its radius (5 px) around the hole; a little more costs nothing. */
const SMOOTH_PADDING = 16;

export const smoothFillSpec: OfflineProviderSpec = {
  id: 'offline-smooth',
  label: 'Offline — smooth fill',
  description: 'Fills the mask from its surroundings on this computer. Best for scratches, text and small objects; ignores the prompt.',
  method: 'smooth',
  contextRegion: (bounds, canvas) => padRect(bounds, SMOOTH_PADDING, canvas),
};

/** An offline engine as a provider: no key, no network, the prompt is ignored. */
export function createOfflineProvider(spec: OfflineProviderSpec, fill: FillRunner): Provider {
  return {
    info: { id: spec.id, label: spec.label, kind: 'offline', supportsPrompt: false, description: spec.description },
    contextRegion: spec.contextRegion,
    async run(input, context) {
      const { image, seed } = input;
      // Soft brush edges are blended later by the mask's value; every painted pixel is filled.
      const hole = new Uint8Array(input.mask.length);
      for (let i = 0; i < hole.length; i++) hole[i] = input.mask[i]! > 0 ? 255 : 0;
      const rgba = await fill.fill(
        { width: image.width, height: image.height, rgba: image.data, mask: hole, method: spec.method, seed },
        { signal: context.signal, onProgress: (fraction) => context.progress('running', fraction) },
      );
      return [{ image: { width: image.width, height: image.height, data: rgba }, seed }];
    },
  };
}
