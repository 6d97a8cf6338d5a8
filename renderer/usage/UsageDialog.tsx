import { useEffect, useRef, useState } from 'react';
import type { UsageSummary } from '../../shared/contract/schemas.ts';
import type { ModelPrice, PriceTable } from '../../shared/gateway/prices.ts';
import { call } from '../platform/api.ts';
import { formatUsd } from '../results/land-results.ts';
import { useAppStore } from '../state/store.ts';
import { UsageChart } from './UsageChart.tsx';

type Row = { model: string; perImageUsd: string; textInputPerMTok: string; imageInputPerMTok: string; outputPerMTok: string; rest: ModelPrice };

const text = (n: number | undefined) => (n === undefined ? '' : String(n));
const num = (s: string) => (s.trim() === '' || !Number.isFinite(Number(s)) || Number(s) < 0 ? undefined : Number(s));

function rowsOf(table: PriceTable): Row[] {
  return Object.entries(table).map(([model, price]) => ({
    model,
    perImageUsd: text(price.perImageUsd),
    textInputPerMTok: text(price.textInputPerMTok),
    imageInputPerMTok: text(price.imageInputPerMTok),
    outputPerMTok: text(price.outputPerMTok),
    rest: price,
  }));
}

function tableOf(rows: Row[]): PriceTable {
  const table: PriceTable = {};
  for (const row of rows) {
    const model = row.model.trim();
    if (!model) continue;
    const price: ModelPrice = { ...row.rest };
    delete price.perImageUsd;
    delete price.textInputPerMTok;
    delete price.imageInputPerMTok;
    delete price.outputPerMTok;
    const perImage = num(row.perImageUsd);
    const input = num(row.textInputPerMTok);
    const imageInput = num(row.imageInputPerMTok);
    const output = num(row.outputPerMTok);
    if (perImage !== undefined) price.perImageUsd = perImage;
    if (input !== undefined) price.textInputPerMTok = input;
    if (imageInput !== undefined) price.imageInputPerMTok = imageInput;
    if (output !== undefined) price.outputPerMTok = output;
    table[model] = price;
  }
  return table;
}

/** Running totals from the usage log, a chart by day and model, and the editable price table. */
export function UsageDialog() {
  const open = useAppStore((s) => s.usageOpen);
  const setOpen = useAppStore((s) => s.setUsageOpen);
  const dialog = useRef<HTMLDialogElement>(null);
  const [usage, setUsage] = useState<UsageSummary>();
  const [rows, setRows] = useState<Row[]>([]);
  const [defaults, setDefaults] = useState<PriceTable>({});
  const [message, setMessage] = useState<string>();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      setMessage(undefined);
      Promise.all([call('getUsage', {}), call('getPrices', {})]).then(
        ([summary, prices]) => {
          setUsage(summary);
          setRows(rowsOf(prices.prices));
          setDefaults(prices.defaults);
        },
        (error: unknown) => setMessage(error instanceof Error ? error.message : String(error)),
      );
    }
    if (!open && element.open) element.close();
  }, [open]);

  const edit = (index: number, patch: Partial<Row>) => setRows((all) => all.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const savePrices = async () => {
    try {
      const saved = await call('savePrices', { prices: tableOf(rows) });
      setRows(rowsOf(saved.prices));
      setMessage('Prices saved; they apply to the next job.');
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <dialog ref={dialog} aria-label="Usage and prices" className="usage-dialog" onClose={() => setOpen(false)}>
      <h2>Usage</h2>
      {usage && (
        <>
          <p aria-label="Usage totals">
            <strong>{formatUsd(usage.totalUsd) || '$0.000'}</strong> over {usage.jobs} jobs ({usage.images} images)
            {usage.unpricedJobs > 0 ? ` · ${usage.unpricedJobs} jobs without a price (add their model below)` : ''}
          </p>
          <UsageChart rows={usage.byDay} />
          {usage.recent.length > 0 && (
            <details>
              <summary>Recent jobs</summary>
              <table className="prices" aria-label="Recent jobs">
                <tbody>
                  {usage.recent.slice(0, 12).map((entry) => (
                    <tr key={entry.jobId}>
                      <td>{new Date(entry.at).toLocaleString()}</td>
                      <td>{entry.gatewayName}</td>
                      <td>{entry.model}</td>
                      <td>{entry.images} images</td>
                      <td>{entry.costUsd === undefined ? 'no price' : formatUsd(entry.costUsd)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          )}
        </>
      )}
      <h3>Prices (USD) — list prices; relays mark up or bill in other currencies, so edit them to match your bill</h3>
      <table className="prices" aria-label="Price table">
        <thead>
          <tr>
            <th>Model</th>
            <th>Per image</th>
            <th>Text in / 1M tokens</th>
            <th>Image in / 1M tokens</th>
            <th>Output / 1M tokens</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              <td><input aria-label={`Model ${i + 1}`} value={row.model} onChange={(e) => edit(i, { model: e.currentTarget.value })} /></td>
              <td><input aria-label={`Price per image for ${row.model || `row ${i + 1}`}`} inputMode="decimal" value={row.perImageUsd} onChange={(e) => edit(i, { perImageUsd: e.currentTarget.value })} /></td>
              <td><input aria-label={`Input price for ${row.model || `row ${i + 1}`}`} inputMode="decimal" value={row.textInputPerMTok} onChange={(e) => edit(i, { textInputPerMTok: e.currentTarget.value })} /></td>
              <td><input aria-label={`Image input price for ${row.model || `row ${i + 1}`}`} inputMode="decimal" value={row.imageInputPerMTok} onChange={(e) => edit(i, { imageInputPerMTok: e.currentTarget.value })} /></td>
              <td><input aria-label={`Output price for ${row.model || `row ${i + 1}`}`} inputMode="decimal" value={row.outputPerMTok} onChange={(e) => edit(i, { outputPerMTok: e.currentTarget.value })} /></td>
              <td><button type="button" aria-label={`Remove ${row.model || `row ${i + 1}`}`} onClick={() => setRows((all) => all.filter((_, j) => j !== i))}>✕</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      {message && <p role="status" className="hint">{message}</p>}
      <div className="buttons">
        <button type="button" onClick={() => setRows((all) => [...all, { model: '', perImageUsd: '', textInputPerMTok: '', imageInputPerMTok: '', outputPerMTok: '', rest: {} }])}>Add model</button>
        <button type="button" onClick={() => setRows(rowsOf(defaults))}>Reset to list prices</button>
        <button type="button" className="primary" onClick={() => void savePrices()}>Save prices</button>
        <button type="button" onClick={() => setOpen(false)}>Close</button>
      </div>
    </dialog>
  );
}
