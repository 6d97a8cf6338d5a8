import { useTranslation } from 'react-i18next';
import type { UsageSummary } from '../../shared/contract/schemas.ts';
import { formatDay, formatMoney, formatShortDay } from '../i18n/format.ts';

const palette = ['#4f8cff', '#f59e0b', '#10b981', '#ef4444', '#a855f7', '#14b8a6', '#eab308', '#ec4899'];

type Row = UsageSummary['byDay'][number];

/**
 * Cost per day, one stacked bar per day, one colour per model: plain SVG, no chart library. One
 * chart per currency, since amounts in yuan and dollars cannot share a bar.
 */
export function UsageCharts({ rows, days = 14 }: { rows: readonly Row[]; days?: number }) {
  const { t } = useTranslation();
  const priced = rows.filter((row) => row.currency !== '');
  if (priced.length === 0) return <p className="muted">{t('usage:noJobs')}</p>;
  const currencies = [...new Set(priced.map((row) => row.currency))].sort();
  return (
    <>
      {currencies.map((currency) => (
        <UsageChart key={currency} currency={currency} rows={priced.filter((row) => row.currency === currency)} days={days} />
      ))}
    </>
  );
}

function UsageChart({ rows, currency, days }: { rows: readonly Row[]; currency: string; days: number }) {
  const { t } = useTranslation();
  const dayList = [...new Set(rows.map((r) => r.day))].slice(-days);
  const models = [...new Set(rows.map((r) => r.model))];
  const colour = (model: string) => palette[models.indexOf(model) % palette.length]!;
  const totals = dayList.map((day) => rows.filter((r) => r.day === day).reduce((sum, r) => sum + r.cost, 0));
  const max = Math.max(...totals, 0.000001);
  const width = 560;
  const height = 180;
  const bottom = 24;
  const barWidth = dayList.length ? Math.min(48, (width - 60) / dayList.length - 8) : 0;
  return (
    <figure className="usage-chart" aria-label={t('usage:chart', { currency })} data-currency={currency}>
      <svg width={width} height={height} role="img" aria-label={t('usage:chartImage', { count: dayList.length, currency })}>
        <text x={0} y={12} className="axis">{formatMoney(max, currency)}</text>
        <line x1={0} x2={width} y1={height - bottom} y2={height - bottom} className="axis-line" />
        {dayList.map((day, i) => {
          const x = 60 + i * (barWidth + 8);
          let y = height - bottom;
          return (
            <g key={day}>
              {rows
                .filter((r) => r.day === day)
                .map((r) => {
                  const h = Math.max(r.cost > 0 ? 1 : 0, (r.cost / max) * (height - bottom - 20));
                  y -= h;
                  return (
                    <rect key={r.model} x={x} y={y} width={barWidth} height={h} fill={colour(r.model)}>
                      <title>{t('usage:chartBar', { day: formatDay(day), model: r.model, cost: formatMoney(r.cost, currency), count: r.jobs, images: t('usage:images', { count: r.images }) })}</title>
                    </rect>
                  );
                })}
              <text x={x + barWidth / 2} y={height - 8} textAnchor="middle" className="axis">
                {formatShortDay(day)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="legend">
        {models.map((m) => (
          <span key={m}>
            <i style={{ background: colour(m) }} /> {m}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
