import { useEffect, useRef, useState } from 'react';
import type { ExportFormat } from '../../shared/contract/schemas.ts';
import { exportDocument } from '../io/export-image.ts';
import { useAppStore } from '../state/store.ts';
import { errorMessage } from '../i18n/messages.ts';

export function ExportDialog() {
  const open = useAppStore((s) => s.exportOpen);
  const setOpen = useAppStore((s) => s.setExportOpen);
  const notify = useAppStore((s) => s.notify);
  const [format, setFormat] = useState<ExportFormat>('png');
  const [quality, setQuality] = useState(92);
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  const save = async () => {
    setBusy(true);
    try {
      await exportDocument(format, quality);
      setOpen(false);
    } catch (error) {
      notify('error', errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialog} aria-label="Export image" onClose={() => setOpen(false)} className="export-dialog">
      <h2>Export</h2>
      <label className="field">
        <span>Format</span>
        <select aria-label="Format" value={format} onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)}>
          <option value="png">PNG (lossless)</option>
          <option value="jpeg">JPEG</option>
          <option value="webp">WebP</option>
        </select>
      </label>
      {format !== 'png' && (
        <label className="field">
          <span>Quality {quality}</span>
          <input type="range" aria-label="Quality" min={1} max={100} value={quality} onChange={(e) => setQuality(Number(e.currentTarget.value))} />
        </label>
      )}
      <div className="buttons">
        <button type="button" onClick={() => setOpen(false)}>
          Close
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => void save()}>
          {busy ? 'Saving…' : 'Save'}
        </button>
      </div>
    </dialog>
  );
}
