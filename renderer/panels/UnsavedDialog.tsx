import { useModalDialog } from './use-modal-dialog.ts';
import { useTranslation } from 'react-i18next';
import { getDocument } from '../../shared/document/records.ts';
import { useAppStore } from '../state/store.ts';

/** "Save the changes to … before opening another file?": Save, Don't save, or Cancel. */
export function UnsavedDialog() {
  const { t } = useTranslation();
  const answer = useAppStore((s) => s.unsavedQuestion);
  const name = useAppStore((s) => s.projectName ?? getDocument(s.records)?.name ?? '');
  const dialog = useModalDialog(answer !== undefined);

  return (
    <dialog ref={dialog} aria-label={t('project:unsaved.title')} className="unsaved-dialog" onCancel={() => answer?.('cancel')}>
      <h2>{t('project:unsaved.title')}</h2>
      <p>{t('project:unsaved.question', { name })}</p>
      <div className="buttons">
        <button type="button" onClick={() => answer?.('cancel')}>
          {t('project:unsaved.cancel')}
        </button>
        <button type="button" onClick={() => answer?.('discard')}>
          {t('project:unsaved.discard')}
        </button>
        <button type="button" className="primary" onClick={() => answer?.('save')}>
          {t('project:unsaved.save')}
        </button>
      </div>
    </dialog>
  );
}
