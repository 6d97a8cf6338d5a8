import { getDocument } from '../../shared/document/records.ts';
import { InfillError, toErrorInfo } from '../../shared/errors.ts';
import { call } from '../platform/api.ts';
import type { Rect } from '../../shared/geometry.ts';
import { layerSnapshots } from '../state/snapshots.ts';
import { analysisRegion } from './analysis-region.ts';
import { useAppStore } from '../state/store.ts';

/**
 * The photo's analysis for Select object: main makes the model's embedding of the flattened
 * visible layers once, and it is reused for every click while those stay the same. Started in
 * the background when the tool is chosen; a click made before it is ready waits for it.
 */
let current: { signature: string; region: Rect; embedding: Promise<string> } | undefined;

/** What the pixels depend on: the region analysed and each visible layer's asset, place and opacity. */
function signatureOf(): { signature: string; input: Parameters<typeof call<'analysePhoto'>>[1] } | undefined {
  const { records } = useAppStore.getState();
  const doc = getDocument(records);
  if (!doc) return undefined;
  const { view, viewport } = useAppStore.getState();
  const input = { canvas: analysisRegion(doc.canvas, view, viewport), layers: layerSnapshots(records) };
  return { signature: JSON.stringify(input), input };
}

/** The embedding of the document as it is now (and the region it covers), starting the analysis if needed. */
export function ensureAnalysis(): Promise<{ embeddingId: string; region: Rect }> {
  const now = signatureOf();
  if (!now) return Promise.reject(new InfillError('INVALID_INPUT', 'Open a photo first'));
  if (current?.signature === now.signature) {
    const { region } = current;
    return current.embedding.then((embeddingId) => ({ embeddingId, region }));
  }
  const { setAnalysis } = useAppStore.getState();
  setAnalysis({ status: 'analysing' });
  const embedding = call('analysePhoto', now.input).then(({ embeddingId }) => embeddingId);
  const entry = { signature: now.signature, region: now.input.canvas, embedding };
  current = entry;
  embedding.then(
    (embeddingId) => current === entry && setAnalysis({ status: 'ready', embeddingId }),
    (error: unknown) => {
      if (current !== entry) return;
      current = undefined;
      const info = toErrorInfo(error);
      setAnalysis(info.code === 'ANALYSIS_CANCELLED' ? { status: 'idle' } : { status: 'failed', error: info });
    },
  );
  return embedding.then((embeddingId) => ({ embeddingId, region: entry.region }));
}

/** Stops an analysis in progress (the progress bar's Cancel); clicks waiting on it are dropped. */
export function cancelAnalysis(): void {
  current = undefined;
  useAppStore.getState().setAnalysis({ status: 'idle' });
  void call('cancelAnalysis', {}).catch(() => undefined);
}
