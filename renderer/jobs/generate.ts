import type { Candidate } from '../../shared/contract/schemas.ts';
import type { LayerRecord } from '../../shared/document/records.ts';
import { getDocument } from '../../shared/document/records.ts';
import { currentMaskPainter } from '../canvas/use-mask-painter.ts';
import { call, infill } from '../platform/api.ts';
import { addLayers, clearMask, newId } from '../state/document-ops.ts';
import { layerSnapshots } from '../state/snapshots.ts';
import { useAppStore } from '../state/store.ts';

/**
 * Sends the mask, the visible layers and the prompt to main, follows the job's progress, and
 * lands its result as one undoable step: the new layer added and the mask cleared (so undo
 * brings the mask back for another try). A failed or cancelled job changes nothing.
 */
export async function generate(): Promise<void> {
  const state = useAppStore.getState();
  const doc = getDocument(state.records);
  const mask = currentMaskPainter()?.extract();
  if (!doc) return;
  if (!mask) {
    state.notify('error', 'Paint a mask over the area to change first.');
    return;
  }
  const { jobId } = await call('startJob', {
    providerId: state.providerId,
    prompt: state.prompt,
    canvas: doc.canvas,
    layers: layerSnapshots(state.records),
    mask,
  });
  state.setActiveJob({ jobId, stage: 'queued', progress: 0 });
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
    setActiveJob({ jobId: event.jobId, stage: event.stage, progress: event.progress, ...(event.message ? { message: event.message } : {}) });
  });
  const offDone = api.onJobDone((event) => {
    const state = useAppStore.getState();
    if (state.activeJob?.jobId !== event.jobId) return;
    state.setActiveJob(undefined);
    if (!event.ok) {
      if (event.error.code !== 'JOB_CANCELLED') state.notify('error', event.error.message);
      return;
    }
    const layers = event.candidates.map((candidate, index) => generatedLayer(candidate, state.prompt, index));
    state.commit('Generate', (records) => addLayers(clearMask(records), layers));
  });
  return () => {
    offProgress();
    offDone();
  };
}

function generatedLayer(candidate: Candidate, prompt: string, index: number): LayerRecord {
  const provider = useAppStore.getState().providers.find((p) => p.id === candidate.providerId);
  const title = prompt.trim() ? prompt.trim().slice(0, 40) : (provider?.label ?? 'Fill');
  return {
    typeName: 'layer',
    id: newId('layer'),
    kind: 'generated',
    name: index > 0 ? `${title} (${index + 1})` : title,
    assetId: candidate.assetId,
    x: candidate.x,
    y: candidate.y,
    width: candidate.width,
    height: candidate.height,
    visible: true,
    opacity: 1,
    generation: {
      prompt,
      providerId: candidate.providerId,
      seed: candidate.seed,
      createdAt: new Date().toISOString(),
      ...(candidate.model ? { model: candidate.model } : {}),
      ...(candidate.costUsd !== undefined ? { costUsd: candidate.costUsd } : {}),
    },
  };
}

