import { getDocument, getMaskOps, type RecordMap } from '../../shared/document/records.ts';
import { currentMaskPainter } from '../canvas/use-mask-painter.ts';
import { call } from '../platform/api.ts';
import { useAppStore } from '../state/store.ts';

/**
 * Keeps the "what Generate will do, and for how long" line current: after the mask or the
 * provider changes (not during a stroke), main is asked with the same mask a job would get.
 */
export function trackJobEstimate(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let request = 0;
  const refresh = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const state = useAppStore.getState();
      const doc = getDocument(state.records);
      const mask = doc && getMaskOps(state.records).length > 0 ? currentMaskPainter()?.extract() : null;
      const ticket = ++request;
      if (!doc || !mask || !state.providerId) {
        state.setEstimate(undefined);
        return;
      }
      try {
        const estimate = await call('estimateJob', { providerId: state.providerId, canvas: doc.canvas, mask });
        if (ticket === request) useAppStore.getState().setEstimate(estimate);
      } catch {
        if (ticket === request) useAppStore.getState().setEstimate(undefined);
      }
    }, 150);
  };
  // Only the mask, the canvas and the provider change the answer; a layer's opacity does not,
  // and reading the mask back (up to the whole document) is not free.
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (state.providerId !== previous.providerId) refresh();
    else if (state.records !== previous.records && maskKey(state.records) !== maskKey(previous.records)) refresh();
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}

/** What the mask is made of: its operations (records are immutable, so ids say it) and the canvas. */
function maskKey(records: RecordMap): string {
  const canvas = getDocument(records)?.canvas;
  return `${canvas ? `${canvas.x},${canvas.y},${canvas.width},${canvas.height}` : ''}|${getMaskOps(records)
    .map((record) => record.id)
    .join(',')}`;
}
