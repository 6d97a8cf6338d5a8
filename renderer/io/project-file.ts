import type { ChannelOutput } from '../../shared/contract/channels.ts';
import { isProjectFileName, projectFileName } from '../../shared/contract/project-schemas.ts';
import { getDocument } from '../../shared/document/records.ts';
import { fitView } from '../canvas/view-math.ts';
import { errorMessage } from '../i18n/messages.ts';
import { call } from '../platform/api.ts';
import { documentState } from '../state/document-slice.ts';
import { hasUnsavedChanges } from '../state/project-slice.ts';
import { useAppStore } from '../state/store.ts';
import { downloadBytes } from './download.ts';
import { chooseProjectFile, writeProjectFile } from './project-file-handles.ts';
import { openImageFile } from './open-image.ts';

const store = () => useAppStore.getState();

/**
 * Save and Save as: main packs the document, its undo/redo history and every image they reach
 * into a `.infill` file. Electron writes it where the person chooses in its native dialog; a
 * browser writes it to the file picked in its Save dialog where it can (Chromium), else hands it
 * over as a download. Either way Save asks only the first time. Returns false when nothing was
 * saved (a failure, or the dialog cancelled).
 */
export async function saveProject(options: { saveAs?: boolean } = {}): Promise<boolean> {
  const { records, projectName } = store();
  const doc = getDocument(records);
  if (!doc) return false;
  const saveAs = options.saveAs === true;
  try {
    const name = projectName ?? doc.name;
    const target = await chooseProjectFile(projectFileName(name), saveAs);
    if (target.kind === 'cancelled') return false;
    // Named as the chosen file, so Open recent lists it under the name it has on disk.
    const savedName = target.kind === 'file' ? target.handle.name : name;
    const saved = await call('saveProject', { name: savedName, records, history: documentState.history.toSnapshot(), saveAs });
    if (saved.outcome === 'cancelled') return false;
    let { fileName } = saved;
    if (saved.outcome === 'download') {
      if (target.kind === 'file') fileName = await writeProjectFile(target.handle, saved.bytes);
      else downloadBytes(saved.bytes, 'application/zip', fileName);
    }
    store().markSaved(fileName, records);
    store().notify('info', { key: 'project:notice.saved', params: { name: fileName } });
    return true;
  } catch (error) {
    store().notify('error', errorMessage(error, 'project:notice.saveFailed'));
    return false;
  }
}

/** Asks whether to save unsaved work before it is replaced; false means the person cancelled. */
export async function confirmReplacingWork(): Promise<boolean> {
  if (!hasUnsavedChanges(store())) return true;
  const answer = await new Promise<'save' | 'discard' | 'cancel'>((resolve) => store().setUnsavedQuestion(resolve));
  store().setUnsavedQuestion(undefined);
  if (answer === 'cancel') return false;
  return answer === 'discard' || (await saveProject());
}

type OpenedProject = ChannelOutput<'openProject'>;

/** Shows an opened project with its history, and says what a damaged one lost. */
function showProject(fileName: string, opened: OpenedProject): void {
  const doc = getDocument(opened.records);
  if (!doc) return;
  store().replaceDocument(opened.records, opened.history ?? undefined);
  store().markSaved(fileName, useAppStore.getState().records);
  store().selectLayer(undefined);
  store().setView(fitView(doc.canvas, store().viewport));
  const lostLayers = opened.lost.filter((part) => part.kind === 'layer').map((part) => part.name);
  const lostHistory = opened.lost.some((part) => part.kind === 'history');
  const params = { name: fileName, layers: lostLayers.join(', '), count: lostLayers.length };
  if (lostLayers.length > 0 && lostHistory) store().notify('error', { key: 'project:notice.lostLayersAndHistory', params });
  else if (lostLayers.length > 0) store().notify('error', { key: 'project:notice.lostLayers', params });
  else if (lostHistory) store().notify('error', { key: 'project:notice.lostHistory', params });
}

/**
 * Open (Mod+O) and drag-and-drop: a `.infill` file opens as a project, anything else as a photo
 * that starts a new document. Either replaces the open document, so unsaved work is asked about.
 */
export async function openFile(file: File): Promise<void> {
  if (!(await confirmReplacingWork())) return;
  if (!isProjectFileName(file.name)) {
    const before = store().records;
    await openImageFile(file, 'replace');
    const after = store().records;
    if (after !== before) {
      store().markSaved(undefined, after);
      store().selectLayer(undefined);
    }
    return;
  }
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    showProject(file.name, await call('openProject', { name: file.name, bytes }));
  } catch (error) {
    store().notify('error', errorMessage(error));
  }
}

/** Open recent: main keeps a copy of each of the last ten projects. */
export async function openRecentProject(id: string, name: string): Promise<void> {
  if (!(await confirmReplacingWork())) return;
  try {
    showProject(name, await call('openRecentProject', { id }));
  } catch (error) {
    store().notify('error', errorMessage(error));
  }
}
