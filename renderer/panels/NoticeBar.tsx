import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMessage } from '../i18n/messages.ts';
import { useAppStore } from '../state/store.ts';

/** Errors stay until dismissed (they explain what to do); information fades after a few seconds. */
export function NoticeBar() {
  const notice = useAppStore((s) => s.notice);
  const dismiss = useAppStore((s) => s.dismissNotice);
  const { t } = useTranslation();
  useEffect(() => {
    if (notice?.kind !== 'info') return;
    const timer = setTimeout(dismiss, 4000);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);
  if (!notice) return null;
  return (
    <div className={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <span>{formatMessage(t, notice.message)}</span>
      <button type="button" aria-label={t('common:dismiss')} onClick={dismiss}>
        ✕
      </button>
    </div>
  );
}
