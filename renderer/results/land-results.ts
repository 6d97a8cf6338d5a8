import { i18n } from '../i18n/i18n.ts';
import type { Candidate } from '../../shared/contract/schemas.ts';
import type { LayerRecord, RecordMap } from '../../shared/document/records.ts';
import { DOCUMENT_ID, getDocument } from '../../shared/document/records.ts';
import type { PendingResults } from '../state/app-state.ts';
import { providerLabel } from '../i18n/provider-text.ts';
import { addLayers, clearMask, newId } from '../state/document-ops.ts';
import { useAppStore } from '../state/store.ts';

/**
 * Turns chosen variations into layers, as ONE undoable step per action: an inpaint's first
 * add also clears the mask (undo brings it back for another try); a generated image is added
 * on top, and becomes the document when none is open.
 */
export function addResults(results: Pick<PendingResults, 'kind' | 'prompt' | 'added'>, candidates: readonly Candidate[]): void {
  if (candidates.length === 0) return;
  const state = useAppStore.getState();
  const layers = candidates.map((candidate, index) => generatedLayer(candidate, results.prompt, results.added.length + index, candidates.length + results.added.length > 1));
  const label = results.kind === 'generate' ? 'Generate image' : candidates.length > 1 ? 'Add variations' : 'Generate';
  if (!getDocument(state.records)) {
    state.replaceDocument(documentOf(layers, results.prompt));
  } else {
    state.commit(label, (records) => addLayers(results.kind === 'inpaint' ? clearMask(records) : records, layers));
  }
  state.markResultsAdded(candidates.map((c) => c.assetId));
}

function documentOf(layers: LayerRecord[], prompt: string): RecordMap {
  const first = layers[0]!;
  const records: Record<string, RecordMap[string]> = {
    [DOCUMENT_ID]: {
      typeName: 'document',
      id: DOCUMENT_ID,
      name: prompt.trim().slice(0, 40) || i18n.t('results:generatedImage'),
      canvas: { x: first.x, y: first.y, width: first.width, height: first.height },
      order: layers.map((l) => l.id),
    },
  };
  for (const layer of layers) records[layer.id] = layer;
  return records;
}

export function generatedLayer(candidate: Candidate, prompt: string, index: number, numbered: boolean): LayerRecord {
  const provider = useAppStore.getState().providers.find((p) => p.id === candidate.providerId);
  const title = prompt.trim() ? prompt.trim().slice(0, 40) : provider ? providerLabel(i18n.t, provider) : i18n.t('results:fill');
  return {
    typeName: 'layer',
    id: newId('layer'),
    kind: 'generated',
    name: numbered ? i18n.t('results:numbered', { title, number: index + 1 }) : title,
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
      ...(candidate.cost !== undefined ? { cost: candidate.cost } : {}),
    },
  };
}
