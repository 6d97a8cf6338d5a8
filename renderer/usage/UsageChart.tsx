import type { UsageSummary } from '../../shared/contract/schemas.ts';
import { formatUsd } from '../results/land-results.ts';

const palette = ['#4f8cff', '#f59e0b', '#10b981', '#ef4444', '#a855f7', '#14b8a6', '#eab308', '#ec4899'];

/** Cost per day, one stacked bar per day, one colour per model: plain SVG, no chart library. */
export function UsageChart({ rows, days = 14 }: { rows: UsageSummary['byDay']; days?: number }) {
  const dayList = [...new Set(rows.map((r) => r.day))].slice(-days);
  const models = [...new Set(rows.map((r) => r.model))];
  const colour = (model: string) => palette[models.indexOf(model) % palette.length]!;
  const totals = dayList.map((day) => rows.filter((r) => r.day === day).reduce((sum, r) => sum + r.costUsd, 0));
  const max = Math.max(...totals, 0.000001);
  const width = 560;
  const height = 180;
  const bottom = 24;
  const barWidth = dayList.length ? Math.min(48, (width - 40) / dayList.length - 8) : 0;
  if (rows.length === 0) return <p className="muted">No gateway jobs yet.</p>;
  return (
    <figure className="usage-chart" aria-label="Cost by day and model">
      <svg width={width} height={height} role="img" aria-label={`Cost per day over ${dayList.length} days`}>
        <text x={0} y={12} className="axis">{formatUsd(max)}</text>
        <line x1={0} x2={width} y1={height - bottom} y2={height - bottom} className="axis-line" />
        {dayList.map((day, i) => {
          const x = 40 + i * (barWidth + 8);
          let y = height - bottom;
          return (
            <g key={day}>
              {rows
                .filter((r) => r.day === day)
                .map((r) => {
                  const h = Math.max(r.costUsd > 0 ? 1 : 0, (r.costUsd / max) * (height - bottom - 20));
                  y -= h;
                  return (
                    <rect key={r.model} x={x} y={y} width={barWidth} height={h} fill={colour(r.model)}>
                      <title>{`${day} · ${r.model}: ${formatUsd(r.costUsd) || '$0'} (${r.jobs} jobs, ${r.images} images)`}</title>
                    </rect>
                  );
                })}
              <text x={x + barWidth / 2} y={height - 8} textAnchor="middle" className="axis">
                {day.slice(5)}
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
