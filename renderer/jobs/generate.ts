import type { MaskInput } from '../../shared/contract/schemas.ts';
import type { Rect } from '../../shared/geometry.ts';
import { getDocument } from '../../shared/document/records.ts';
import { currentMaskPainter } from '../canvas/use-mask-painter.ts';
import { call, infill } from '../platform/api.ts';
import { addResults } from '../results/land-results.ts';
import { generateArea } from '../results/thumbnail-region.ts';
import { providerTuning } from '../state/job-slice.ts';
import { layerSnapshots } from '../state/snapshots.ts';
import { useAppStore, type AppState } from '../state/store.ts';

/**
 * Sends the mask, the visible layers and the prompt to main, follows the job's progress, and
 * lands its result: one answer becomes a layer at once (one undoable step: layer added, mask
 * cleared); several become thumbnails to pick from (renderer/results/). A failed or cancelled
 * job changes nothing.
 */
export async function generate(): Promise<void> {
  const state = useAppStore.getState();
  const doc = getDocument(state.records);
  const mask = currentMaskPainter()?.extract();
  if (!doc) return;
  if (!mask) {
    state.notify('error', { key: 'common:notice.paintMaskFirst' });
    return;
  }
  await start(state, 'inpaint', { canvas: doc.canvas, layers: layerSnapshots(state.records), mask });
}

/** A canvas for "Generate image" with no document open. */
const NEW_CANVAS: Rect = { x: 0, y: 0, width: 1024, height: 1024 };
/**
 * "Generate image": a prompt alone, no mask. Main sees an empty crop under a full mask, which the
 * gateway sends to images/generations (or a chat image model) instead of an edit.
 */
export async function generateImage(): Promise<void> {
  const state = useAppStore.getState();
  if (!state.prompt.trim()) {
    state.notify('error', { key: 'common:notice.describeImageFirst' });
    return;
  }
  const canvas = getDocument(state.records)?.canvas ?? NEW_CANVAS;
  const area = generateArea(canvas);
  const mask: MaskInput = { ...area, alpha: new Uint8Array(area.width * area.height).fill(255) };
  await start(state, 'generate', { canvas, layers: [], mask });
}

async function start(state: AppState, kind: 'inpaint' | 'generate', what: { canvas: Rect; layers: ReturnType<typeof layerSnapshots>; mask: MaskInput }) {
  const seed = state.seedText === '' ? undefined : Number(state.seedText) % 2 ** 31;
  const prompt = state.prompt;
  const tuning = providerTuning(state.providers, state.providerId);
  // Only for an inpaint with a provider that reads it (offline content-aware fill).
  const exclude = kind === 'inpaint' && tuning.includes('exclude') ? currentMaskPainter('exclude')?.extract() : null;
  state.setResults(undefined);
  const { jobId } = await call('startJob', {
    providerId: state.providerId,
    prompt,
    ...what,
    ...(seed === undefined || !tuning.includes('seed') ? {} : { seed }),
    ...(state.variations > 1 && tuning.includes('variations') ? { n: state.variations } : {}),
    ...(tuning.includes('strength') ? { strength: state.strength } : {}),
    ...(tuning.includes('guidance') ? { guidance: state.guidance } : {}),
    ...(exclude ? { exclude } : {}),
  });
  state.setActiveJob({ jobId, stage: 'queued', progress: 0, kind, prompt });
}

export async function cancelActiveJob(): Promise<void> {
  const job = useAppStore.getState().activeJob;
  if (!job) return;
  useAppStore.getState().setActiveJob(undefined);
  await call('cancelJob', { jobId: job.jobId });
}

/** Subscribes once to main's job events. */
export function listenToJobs(): () => void {
  const api = infill();
  const offProgress = api.onJobProgress((event) => {
    const { activeJob, setActiveJob } = useAppStore.getState();
    if (activeJob?.jobId !== event.jobId) return;
    const { message: _previous, note: _previousNote, ...job } = activeJob;
    setActiveJob({
      ...job,
      stage: event.stage,
      progress: event.progress,
      ...(event.message ? { message: event.message } : {}),
      ...(event.note ? { note: event.note } : {}),
      ...(event.preview ? { preview: event.preview } : {}),
    });
  });
  const offDone = api.onJobDone((event) => {
    const state = useAppStore.getState();
    const job = state.activeJob;
    if (job?.jobId !== event.jobId) return;
    state.setActiveJob(undefined);
    if (!event.ok) {
      if (event.error.code !== 'JOB_CANCELLED') state.notify('error', { error: event.error });
      return;
    }
    const results = { jobId: event.jobId, kind: job.kind ?? 'inpaint', prompt: job.prompt ?? state.prompt, candidates: event.candidates, added: [] };
    if (event.candidates.length === 1) addResults(results, event.candidates);
    else state.setResults(results);
  });
  return () => {
    offProgress();
    offDone();
  };
}
