import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileView, UsageSummary } from '../../shared/contract/schemas.ts';
import { toErrorInfo } from '../../shared/errors.ts';
import { formatDateTime, formatMoney, formatMoneyList } from '../i18n/format.ts';
import { describeError } from '../i18n/messages.ts';
import { call } from '../platform/api.ts';
import { useAppStore } from '../state/store.ts';
import { PriceSheetEditor } from './PriceSheetEditor.tsx';
import { UsageCharts } from './UsageChart.tsx';

/**
 * Running totals from the usage log (one per currency, never added across currencies), a chart
 * by day and model, and each gateway's editable price sheet.
 */
export function UsageDialog() {
  const { t } = useTranslation();
  const open = useAppStore((s) => s.usageOpen);
  const setOpen = useAppStore((s) => s.setUsageOpen);
  const providerId = useAppStore((s) => s.providerId);
  const dialog = useRef<HTMLDialogElement>(null);
  const [usage, setUsage] = useState<UsageSummary>();
  const [profiles, setProfiles] = useState<ProfileView[]>();
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      setProblem(undefined);
      Promise.all([call('getUsage', {}), call('listProfiles', {})]).then(
        ([summary, listed]) => {
          setUsage(summary);
          setProfiles(listed.profiles);
        },
        (error: unknown) => setProblem(describeError(t, toErrorInfo(error))),
      );
    }
    if (!open && element.open) {
      element.close();
      setProfiles(undefined);
    }
  }, [open, t]);

  // The sheet shown first is the selected gateway's, else the first gateway's, else the default.
  const selected = providerId.startsWith('gateway:') ? providerId.slice('gateway:'.length) : undefined;
  const initialProfileId = profiles?.find((p) => p.id === selected)?.id ?? profiles?.[0]?.id ?? '';

  return (
    <dialog ref={dialog} aria-label={t('usage:dialog')} className="usage-dialog" onClose={() => setOpen(false)}>
      <h2>{t('usage:title')}</h2>
      {problem && <p role="alert" className="hint error">{problem}</p>}
      {usage && (
        <>
          <p aria-label={t('usage:totals')}>
            <strong>{usage.totals.length > 0 ? formatMoneyList(usage.totals) : t('usage:noCost')}</strong>{' '}
            {t('usage:summary', { count: usage.jobs, images: t('usage:images', { count: usage.images }) })}
            {usage.unpricedJobs > 0 ? ` · ${t('usage:unpriced', { count: usage.unpricedJobs })}` : ''}
          </p>
          <UsageCharts rows={usage.byDay} />
          {usage.recent.length > 0 && (
            <details>
              <summary>{t('usage:recent')}</summary>
              <table className="prices" aria-label={t('usage:recent')}>
                <tbody>
                  {usage.recent.slice(0, 12).map((entry) => (
                    <tr key={entry.jobId}>
                      <td>{formatDateTime(entry.at)}</td>
                      <td>{entry.gatewayName}</td>
                      <td>{entry.model}</td>
                      <td>{t('usage:images', { count: entry.images })}</td>
                      <td>{entry.cost === undefined ? t('usage:noPrice') : formatMoney(entry.cost.amount, entry.cost.currency)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          )}
        </>
      )}
      {profiles && <PriceSheetEditor key={initialProfileId} profiles={profiles} initialProfileId={initialProfileId} />}
      <div className="buttons">
        <button type="button" onClick={() => setOpen(false)}>{t('usage:close')}</button>
      </div>
    </dialog>
  );
}
