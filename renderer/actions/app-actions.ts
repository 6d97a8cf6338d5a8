import type { ActionId } from '../../shared/actions/catalog.ts';
import { getDocument, getMaskOps } from '../../shared/document/records.ts';
import { actualSizeView, fitView, zoomAt } from '../canvas/view-math.ts';
import { errorMessage } from '../i18n/messages.ts';
import { copyMergedImage } from '../io/export-image.ts';
import { saveProject } from '../io/project-file.ts';
import { canMergeDown, duplicateSelected, flattenImage, mergeDown, newEmptyLayer, selectedLayer } from '../layers/layer-actions.ts';
import { cancelActiveJob, generate, generateImage } from '../jobs/generate.ts';
import { addMaskOp, clearMask } from '../state/document-ops.ts';
import { providerTuning } from '../state/job-slice.ts';
import { useAppStore, type AppState } from '../state/store.ts';
import { selectionActions } from '../selection/selection-actions.ts';
import { canUndoPromptHelp, undoPromptHelp } from '../vision/prompt-help.ts';
import { visionActions } from '../vision/vision-actions.ts';
import { registerActions, type ActionImpl } from './registry.ts';

export const FILE_INPUT_ID = 'open-image-input';

const hasDocument = (state: AppState) => getDocument(state.records) !== undefined;
const hasMask = (state: AppState) => getMaskOps(state.records).length > 0;
const hasExclusion = (state: AppState) => getMaskOps(state.records, 'exclude').length > 0;
/** Only offline content-aware fill reads the exclusion; painting it for a gateway would do nothing. */
const providerTakesExclusion = (state: AppState) => providerTuning(state.providers, state.providerId).includes('exclude');
const always = () => true;
const store = () => useAppStore.getState();

async function copyImage(): Promise<void> {
  try {
    await copyMergedImage();
  } catch (error) {
    store().notify('error', errorMessage(error));
  }
}

function zoomBy(factor: number): void {
  const { view, viewport, setView } = store();
  setView(zoomAt(view, { x: viewport.width / 2, y: viewport.height / 2 }, factor));
}

function setViewFrom(make: typeof fitView): void {
  const { records, viewport, setView } = store();
  const doc = getDocument(records);
  if (doc) setView(make(doc.canvas, viewport));
}

const actions: Record<ActionId, ActionImpl> = {
  open: { enabled: always, perform: () => document.getElementById(FILE_INPUT_ID)?.click() },
  saveProject: { enabled: hasDocument, perform: async () => void (await saveProject()) },
  saveProjectAs: { enabled: hasDocument, perform: async () => void (await saveProject({ saveAs: true })) },
  export: { enabled: hasDocument, perform: () => store().setExportOpen(true) },
  copyImage: { enabled: hasDocument, perform: copyImage },
  // Right after a suggestion or translation, Undo first brings the typed prompt back.
  undo: { enabled: (s) => s.canUndo || canUndoPromptHelp(s.prompt), perform: () => void (undoPromptHelp() || store().undo()) },
  redo: { enabled: (s) => s.canRedo, perform: () => store().redo() },
  generate: { enabled: (s) => hasDocument(s) && !s.activeJob && s.providerId !== '', perform: generate },
  cancelJob: { enabled: (s) => s.activeJob !== undefined, perform: cancelActiveJob },
  // A prompt alone makes a picture only through a gateway; offline engines fill from surroundings.
  generateImage: {
    enabled: (s) => !s.activeJob && s.providers.find((p) => p.id === s.providerId)?.kind === 'gateway' && s.prompt.trim() !== '',
    perform: generateImage,
  },
  openSettings: { enabled: always, perform: () => store().setSettingsOpen(true) },
  openUsage: { enabled: always, perform: () => store().setUsageOpen(true) },
  toolBrush: { enabled: always, perform: () => store().setTool('brush') },
  toolEraser: { enabled: always, perform: () => store().setTool('eraser') },
  toolExclude: { enabled: (s) => hasDocument(s) && providerTakesExclusion(s), perform: () => store().setTool('exclude') },
  toolExtend: { enabled: hasDocument, perform: () => store().setTool('extend') },
  toolMove: { enabled: hasDocument, perform: () => store().setTool('move') },
  layerNew: { enabled: hasDocument, perform: newEmptyLayer },
  layerDuplicate: { enabled: (s) => selectedLayer(s) !== undefined, perform: duplicateSelected },
  layerMergeDown: { enabled: canMergeDown, perform: mergeDown },
  layerFlatten: { enabled: (s) => (getDocument(s.records)?.order.length ?? 0) > 1, perform: flattenImage },
  brushSmaller: { enabled: always, perform: () => store().setBrushSize(Math.min(store().brushSize - 1, store().brushSize * 0.8)) },
  brushLarger: { enabled: always, perform: () => store().setBrushSize(Math.max(store().brushSize + 1, store().brushSize * 1.25)) },
  clearMask: { enabled: hasMask, perform: () => store().commit('Clear mask', clearMask) },
  invertMask: { enabled: hasDocument, perform: () => store().commit('Invert mask', (records) => addMaskOp(records, { kind: 'invert' })) },
  clearExclusion: { enabled: hasExclusion, perform: () => store().commit('Clear exclusion', (records) => clearMask(records, 'exclude')) },
  zoomFit: { enabled: hasDocument, perform: () => setViewFrom(fitView) },
  zoomActual: { enabled: hasDocument, perform: () => setViewFrom(actualSizeView) },
  zoomIn: { enabled: hasDocument, perform: () => zoomBy(1.25) },
  zoomOut: { enabled: hasDocument, perform: () => zoomBy(0.8) },
  ...selectionActions,
  ...visionActions,
  showShortcuts: { enabled: always, perform: () => store().setShortcutsOpen(true) },
};

export function registerAppActions(): void {
  registerActions(actions);
}
