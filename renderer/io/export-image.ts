import type { ExportFormat } from '../../shared/contract/schemas.ts';
import { getDocument } from '../../shared/document/records.ts';
import { call } from '../platform/api.ts';
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
  const result = await call('exportImage', { canvas: doc.canvas, layers: layerSnapshots(records), format, quality });
  const blob = new Blob([result.bytes as Uint8Array<ArrayBuffer>], { type: result.mime });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${doc.name.replace(/\.[^.]+$/, '')}-infill.${extensions[format]}`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  useAppStore.getState().notify('info', { key: 'common:notice.exported', params: { width: result.width, height: result.height, format: format.toUpperCase() } });
}
