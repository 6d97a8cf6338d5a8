import type { Handlers } from '../ipc/dispatch.ts';
import type { AssetStore } from '../services/asset-store.ts';
import type { SegmentService } from '../segment/segment-service.ts';
import { adjustMask } from './mask-adjust.ts';
import { encodeMaskPng, readMaskPng, storeMaskAsset } from './mask-files.ts';

export type SelectionHandlers = Pick<Handlers, 'analysePhoto' | 'cancelAnalysis' | 'segmentObject' | 'storeMask' | 'adjustMask' | 'encodeMaskPng' | 'readMaskPng'>;

/** The selection tools' channels: object selection through the segment service, masks as pixels. */
export function createSelectionHandlers(deps: { assets: AssetStore; segment: SegmentService }): SelectionHandlers {
  const { assets, segment } = deps;
  return {
    analysePhoto: (input) => segment.analyse(input),
    cancelAnalysis: async () => ({ cancelled: segment.cancel() }),
    segmentObject: ({ embeddingId, points, box, previousId }) =>
      segment.segment({ embeddingId, points, ...(box ? { box } : {}), ...(previousId ? { previousId } : {}) }),
    async storeMask({ canvas, mask, adjust }) {
      const result = adjust ? adjustMask(mask, canvas, adjust) : mask;
      return { stored: result ? await storeMaskAsset(assets, result) : null };
    },
    adjustMask: async ({ canvas, mask, adjust }) => ({ mask: adjustMask(mask, canvas, adjust) }),
    encodeMaskPng: async ({ canvas, mask }) => ({ bytes: await encodeMaskPng(canvas, mask) }),
    async readMaskPng({ name, bytes, canvas }) {
      const { mask, scaledFrom } = await readMaskPng(bytes, name, canvas);
      return { ...(await storeMaskAsset(assets, mask)), ...(scaledFrom ? { scaledFrom } : {}) };
    },
  };
}
