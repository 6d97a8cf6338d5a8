import { getDocument } from '../../shared/document/records.ts';
import { call } from '../platform/api.ts';
import { addLayers, createDocument, imageLayer } from '../state/document-ops.ts';
import { useAppStore } from '../state/store.ts';
import { fitView } from '../canvas/view-math.ts';
import { errorMessage } from '../i18n/messages.ts';
import { i18n } from '../i18n/i18n.ts';

/**
 * Sends a file to main, which checks and stores it, then shows it. `mode: 'replace'` starts a
 * new document (Open image); `'layer'` adds it on top of the open one, centred (paste or drop
 * onto an open document), as one undoable step. A refused file changes nothing.
 */
export async function openImageFile(file: Blob & { name?: string }, mode: 'replace' | 'layer' = 'replace'): Promise<void> {
  const name = file.name || i18n.t('panels:layers.pastedImage');
  const store = useAppStore.getState();
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const { asset } = await call('importImage', { name, bytes, keepPixels: mode === 'replace' });
    // An error about an earlier file no longer applies once this one opened.
    if (useAppStore.getState().notice?.kind === 'error') useAppStore.getState().dismissNotice();
    const doc = getDocument(useAppStore.getState().records);
    if (mode === 'layer' && doc) {
      const x = Math.round(doc.canvas.x + (doc.canvas.width - asset.width) / 2);
      const y = Math.round(doc.canvas.y + (doc.canvas.height - asset.height) / 2);
      useAppStore.getState().commit('Add image', (records) => addLayers(records, [imageLayer(asset, name, x, y)]));
      return;
    }
    const records = createDocument(asset, name);
    store.replaceDocument(records);
    store.setView(fitView(getDocument(records)!.canvas, useAppStore.getState().viewport));
  } catch (error) {
    store.notify('error', errorMessage(error));
  }
}
