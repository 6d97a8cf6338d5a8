import type { ExportFormat } from '../../shared/contract/schemas.ts';
import { getDocument } from '../../shared/document/records.ts';
import { call } from '../platform/api.ts';
import { downloadBytes } from './download.ts';
import { useAppStore } from '../state/store.ts';
import { layerSnapshots } from '../state/snapshots.ts';

const extensions: Record<ExportFormat, string> = { png: 'png', jpeg: 'jpg', webp: 'webp' };

/**
 * Main flattens the visible layers at full resolution; the file is handed to the person as a
 * download (Electron shows its Save dialog for it, a browser its downloads).
 */
export async function exportDocument(format: ExportFormat, quality: number): Promise<void> {
  const { records } = useAppStore.getState();
  const doc = getDocument(records);
  if (!doc) return;
  const description = doc.description ? { caption: doc.description.caption, altText: doc.description.altText } : undefined;
  const result = await call('exportImage', { canvas: doc.canvas, layers: layerSnapshots(records), format, quality, ...(description ? { description } : {}) });
  downloadBytes(result.bytes, result.mime, `${doc.name.replace(/\.[^.]+$/, '')}-infill.${extensions[format]}`);
  useAppStore.getState().notify('info', { key: 'common:notice.exported', params: { width: result.width, height: result.height, format: format.toUpperCase() } });
}
