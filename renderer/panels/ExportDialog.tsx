import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat } from '../../shared/contract/schemas.ts';
import { formatNumber } from '../i18n/format.ts';
import { exportDocument } from '../io/export-image.ts';
import { useAppStore } from '../state/store.ts';
import { errorMessage } from '../i18n/messages.ts';
import { useModalDialog } from './use-modal-dialog.ts';

export function ExportDialog() {
  const { t } = useTranslation();
  const open = useAppStore((s) => s.exportOpen);
  const setOpen = useAppStore((s) => s.setExportOpen);
  const notify = useAppStore((s) => s.notify);
  const [format, setFormat] = useState<ExportFormat>('png');
  const [quality, setQuality] = useState(92);
  const [busy, setBusy] = useState(false);
  const dialog = useModalDialog(open);

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
    <dialog ref={dialog} aria-label={t('dialogs:export.dialog')} onClose={() => setOpen(false)} className="export-dialog">
      <h2>{t('dialogs:export.title')}</h2>
      <label className="field">
        <span>{t('dialogs:export.format')}</span>
        <select aria-label={t('dialogs:export.format')} value={format} onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)}>
          <option value="png">{t('dialogs:export.png')}</option>
          <option value="jpeg">JPEG</option>
          <option value="webp">WebP</option>
        </select>
      </label>
      {format !== 'png' && (
        <label className="field">
          <span>{t('dialogs:export.quality', { value: formatNumber(quality) })}</span>
          <input type="range" aria-label={t('dialogs:export.qualityLabel')} min={1} max={100} value={quality} onChange={(e) => setQuality(Number(e.currentTarget.value))} />
        </label>
      )}
      <div className="buttons">
        <button type="button" onClick={() => setOpen(false)}>
          {t('dialogs:export.close')}
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => void save()}>
          {busy ? t('dialogs:export.saving') : t('dialogs:export.save')}
        </button>
      </div>
    </dialog>
  );
}
