import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileView } from '../../shared/contract/schemas.ts';
import { commonCurrencies } from '../../shared/gateway/money.ts';
import type { PriceSheet } from '../../shared/gateway/prices.ts';
import { currencyName } from '../i18n/format.ts';
import { describeError } from '../i18n/messages.ts';
import { toErrorInfo } from '../../shared/errors.ts';
import { call } from '../platform/api.ts';
import { emptyRow, rowsOf, tableOf, type PriceRow } from './price-rows.ts';

/** '' edits the default sheet: gateways without their own, and the command line's `--base-url` jobs. */
const DEFAULT_SHEET = '';

/**
 * One gateway's price sheet: the currency that relay bills in and its price per model. A gateway
 * without a sheet of its own is priced with the default one; saving here gives it its own.
 */
export function PriceSheetEditor({ profiles, initialProfileId }: { profiles: readonly ProfileView[]; initialProfileId: string }) {
  const { t } = useTranslation();
  const [profileId, setProfileId] = useState(initialProfileId);
  const [currency, setCurrency] = useState('USD');
  const [rows, setRows] = useState<PriceRow[]>([]);
  const [defaults, setDefaults] = useState<PriceSheet>();
  const [message, setMessage] = useState<string>();

  useEffect(() => {
    let live = true;
    call('getPrices', profileId === DEFAULT_SHEET ? {} : { profileId }).then(
      (answer) => {
        if (!live) return;
        setCurrency(answer.sheet.currency);
        setRows(rowsOf(answer.sheet.prices));
        setDefaults(answer.defaults);
      },
      (error: unknown) => live && setMessage(describeError(t, toErrorInfo(error))),
    );
    return () => {
      live = false;
    };
  }, [profileId, t]);

  const edit = (index: number, patch: Partial<PriceRow>) => setRows((all) => all.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const save = async () => {
    try {
      const sheet = { currency, prices: tableOf(rows) };
      const saved = await call('savePrices', profileId === DEFAULT_SHEET ? { sheet } : { profileId, sheet });
      setRows(rowsOf(saved.sheet.prices));
      setMessage(t('usage:saved'));
    } catch (error) {
      setMessage(describeError(t, toErrorInfo(error)));
    }
  };
  const rowName = (row: PriceRow, i: number) => row.model || t('usage:row', { number: i + 1 });
  const currencies = commonCurrencies.includes(currency) ? commonCurrencies : [currency, ...commonCurrencies];

  return (
    <section aria-label={t('usage:pricesSection')}>
      <h3>{t('usage:pricesTitle')}</h3>
      <div className="field-row">
        <label className="field">
          <span>{t('usage:sheetFor')}</span>
          <select aria-label={t('usage:sheetFor')} value={profileId} onChange={(e) => { setMessage(undefined); setProfileId(e.currentTarget.value); }}>
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>{p.name}</option>
            ))}
            <option value={DEFAULT_SHEET}>{t('usage:defaultSheet')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('usage:currency')}</span>
          <select aria-label={t('usage:currency')} value={currency} onChange={(e) => setCurrency(e.currentTarget.value)}>
            {currencies.map((code) => (
              <option key={code} value={code}>{currencyName(code)}</option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted small">{t('usage:pricesHint', { currency })}</p>
      <table className="prices" aria-label={t('usage:table')}>
        <thead>
          <tr>
            <th>{t('usage:model')}</th>
            <th>{t('usage:perImage')}</th>
            <th>{t('usage:textIn')}</th>
            <th>{t('usage:imageIn')}</th>
            <th>{t('usage:output')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              <td><input aria-label={t('usage:modelRow', { number: i + 1 })} value={row.model} onChange={(e) => edit(i, { model: e.currentTarget.value })} /></td>
              <td><input aria-label={t('usage:perImageFor', { model: rowName(row, i) })} inputMode="decimal" value={row.perImage} onChange={(e) => edit(i, { perImage: e.currentTarget.value })} /></td>
              <td><input aria-label={t('usage:inputFor', { model: rowName(row, i) })} inputMode="decimal" value={row.textInputPerMTok} onChange={(e) => edit(i, { textInputPerMTok: e.currentTarget.value })} /></td>
              <td><input aria-label={t('usage:imageInputFor', { model: rowName(row, i) })} inputMode="decimal" value={row.imageInputPerMTok} onChange={(e) => edit(i, { imageInputPerMTok: e.currentTarget.value })} /></td>
              <td><input aria-label={t('usage:outputFor', { model: rowName(row, i) })} inputMode="decimal" value={row.outputPerMTok} onChange={(e) => edit(i, { outputPerMTok: e.currentTarget.value })} /></td>
              <td><button type="button" aria-label={t('usage:remove', { model: rowName(row, i) })} onClick={() => setRows((all) => all.filter((_, j) => j !== i))}>✕</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      {message && <p role="status" className="hint">{message}</p>}
      <div className="buttons">
        <button type="button" onClick={() => setRows((all) => [...all, emptyRow()])}>{t('usage:addModel')}</button>
        <button type="button" disabled={!defaults} onClick={() => defaults && (setRows(rowsOf(defaults.prices)), setCurrency(defaults.currency))}>{t('usage:reset')}</button>
        <button type="button" className="primary" onClick={() => void save()}>{t('usage:savePrices')}</button>
      </div>
    </section>
  );
}
