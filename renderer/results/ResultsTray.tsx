import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Candidate } from '../../shared/contract/schemas.ts';
import { collectAssetIds, getDocument, getOrderedLayers } from '../../shared/document/records.ts';
import { loadBitmap } from '../canvas/bitmap-cache.ts';
import { detailLevelFor } from '../canvas/detail-level.ts';
import type { PendingResults } from '../state/app-state.ts';
import { useAppStore } from '../state/store.ts';
import { totalsOf } from '../../shared/gateway/money.ts';
import { formatMoney, formatMoneyList } from '../i18n/format.ts';
import { addResults } from './land-results.ts';
import { fitScale, thumbnailRegion } from './thumbnail-region.ts';

/**
 * A job's variations as thumbnails. Nothing is in the document until the person adds one (or
 * several at once); each add is one undoable step. Discarding changes nothing.
 */
export function ResultsTray() {
  const results = useAppStore((s) => s.results);
  // Keyed by job, so a new job starts with nothing selected.
  return results ? <ResultsPanel key={results.jobId} results={results} /> : null;
}

function ResultsPanel({ results }: { results: PendingResults }) {
  const { t } = useTranslation();
  const setResults = useAppStore((s) => s.setResults);
  // In the document now (an undo takes a variation out again and re-enables its Add).
  const records = useAppStore((s) => s.records);
  const inDocument = useMemo(() => collectAssetIds(records), [records]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());

  const remaining = results.candidates.filter((c) => !inDocument.has(c.assetId));
  // Variations of one job come from one gateway, but their totals are still kept per currency.
  const totals = totalsOf(results.candidates.map((c) => c.cost));
  const add = (candidates: Candidate[]) => {
    addResults(useAppStore.getState().results ?? results, candidates);
    setSelected(new Set());
  };
  const toggle = (assetId: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(assetId);
    else next.delete(assetId);
    setSelected(next);
  };

  return (
    <section className="results" aria-label={t('results:region')}>
      <h2>{t('results:title')}</h2>
      <p className="muted small">
        {totals.length === 0
          ? t('results:summary', { count: results.candidates.length })
          : t('results:summaryWithCost', { count: results.candidates.length, cost: formatMoneyList(totals) })}
      </p>
      <ul className="thumbs">
        {results.candidates.map((candidate, index) => {
          const added = inDocument.has(candidate.assetId);
          const name = t('results:variation', { number: index + 1 });
          return (
            <li key={candidate.assetId} className={added ? 'thumb added' : 'thumb'} aria-label={name}>
              <Thumbnail candidate={candidate} alt={t('results:thumbnailAlt', { name, seed: candidate.seed })} />
              <label className="thumb-pick">
                <input type="checkbox" aria-label={t('results:select', { name })} disabled={added} checked={selected.has(candidate.assetId)} onChange={(e) => toggle(candidate.assetId, e.currentTarget.checked)} />
                <span className="small">
                  {t('results:seed', { seed: candidate.seed })}
                  {candidate.cost !== undefined ? ` · ${formatMoney(candidate.cost.amount, candidate.cost.currency)}` : ''}
                </span>
              </label>
              <button type="button" aria-label={t('results:addLabel', { name })} disabled={added} onClick={() => add([candidate])}>
                {added ? t('results:added') : t('results:add')}
              </button>
            </li>
          );
        })}
      </ul>
      <div className="buttons">
        <button type="button" aria-label={t('results:addSelectedLabel')} disabled={selected.size === 0} onClick={() => add(remaining.filter((c) => selected.has(c.assetId)))}>
          {t('results:addSelected', { count: selected.size })}
        </button>
        <button type="button" aria-label={results.added.length > 0 ? t('results:closeLabel') : t('results:discardLabel')} onClick={() => setResults(undefined)}>
          {results.added.length > 0 ? t('results:done') : t('results:discard')}
        </button>
      </div>
    </section>
  );
}

const THUMB = { width: 120, height: 90 };

/** The variation drawn over the visible layers around it, as it would look once added. */
function Thumbnail({ candidate, alt }: { candidate: Candidate; alt: string }) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const state = useAppStore.getState();
    const doc = getDocument(state.records);
    const region = thumbnailRegion(candidate, doc?.canvas ?? candidate);
    const scale = fitScale(region, THUMB);
    const element = canvasRef.current;
    if (!element) return;
    element.width = Math.max(1, Math.round(region.width * scale));
    element.height = Math.max(1, Math.round(region.height * scale));
    const layers = getOrderedLayers(state.records).filter((l) => l.visible && l.opacity > 0);
    let live = true;
    // Thumbnails need little detail: the layers are decoded at the size they are drawn at.
    const level = detailLevelFor(scale * window.devicePixelRatio);
    Promise.all([...layers.map((l) => loadBitmap(l.assetId, level)), loadBitmap(candidate.assetId, level)]).then(
      (bitmaps) => {
        const context = element.getContext('2d');
        if (!live || !context) return;
        context.setTransform(scale, 0, 0, scale, -region.x * scale, -region.y * scale);
        layers.forEach((layer, i) => {
          context.globalAlpha = layer.opacity;
          context.drawImage(bitmaps[i]!, layer.x, layer.y, layer.width, layer.height);
        });
        context.globalAlpha = 1;
        context.drawImage(bitmaps[layers.length]!, candidate.x, candidate.y, candidate.width, candidate.height);
      },
      () => setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [candidate]);
  return (
    <div className="thumb-image">
      {failed ? <span className="muted small">{t('results:previewUnavailable')}</span> : <canvas ref={canvasRef} role="img" aria-label={alt} />}
    </div>
  );
}
