import { useEffect, useState } from 'react';
import type { Candidate } from '../../shared/contract/schemas.ts';
import { call } from '../platform/api.ts';
import type { PendingResults } from '../state/app-state.ts';
import { useAppStore } from '../state/store.ts';
import { addResults, formatUsd } from './land-results.ts';

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
  const setResults = useAppStore((s) => s.setResults);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());

  const remaining = results.candidates.filter((c) => !results.added.includes(c.assetId));
  const total = results.candidates.reduce<number | undefined>((sum, c) => (c.costUsd === undefined ? sum : (sum ?? 0) + c.costUsd), undefined);
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
    <section className="results" aria-label="Variations">
      <h2>Variations</h2>
      <p className="muted small">
        {results.candidates.length} results{total !== undefined ? ` · ${formatUsd(total)} for this job` : ''}. Add the ones you want as layers.
      </p>
      <ul className="thumbs">
        {results.candidates.map((candidate, index) => {
          const added = results.added.includes(candidate.assetId);
          const name = `Variation ${index + 1}`;
          return (
            <li key={candidate.assetId} className={added ? 'thumb added' : 'thumb'} aria-label={name}>
              <Thumbnail assetId={candidate.assetId} alt={`${name}, seed ${candidate.seed}`} />
              <label className="thumb-pick">
                <input type="checkbox" aria-label={`Select ${name}`} disabled={added} checked={selected.has(candidate.assetId)} onChange={(e) => toggle(candidate.assetId, e.currentTarget.checked)} />
                <span className="small">
                  seed {candidate.seed}
                  {candidate.costUsd !== undefined ? ` · ${formatUsd(candidate.costUsd)}` : ''}
                </span>
              </label>
              <button type="button" aria-label={`Add ${name} as a layer`} disabled={added} onClick={() => add([candidate])}>
                {added ? 'Added' : 'Add'}
              </button>
            </li>
          );
        })}
      </ul>
      <div className="buttons">
        <button type="button" aria-label="Add selected variations" disabled={selected.size === 0} onClick={() => add(remaining.filter((c) => selected.has(c.assetId)))}>
          Add selected ({selected.size})
        </button>
        <button type="button" aria-label={results.added.length > 0 ? 'Close variations' : 'Discard variations'} onClick={() => setResults(undefined)}>
          {results.added.length > 0 ? 'Done' : 'Discard'}
        </button>
      </div>
    </section>
  );
}

/** The candidate's pixels (only the changed area, transparent elsewhere) over a checkerboard. */
function Thumbnail({ assetId, alt }: { assetId: string; alt: string }) {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    let objectUrl: string | undefined;
    let live = true;
    call('readAsset', { assetId }).then(
      ({ bytes, mime }) => {
        if (!live) return;
        objectUrl = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }));
        setUrl(objectUrl);
      },
      () => undefined,
    );
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [assetId]);
  return <div className="thumb-image">{url ? <img src={url} alt={alt} /> : <span className="muted small">Loading…</span>}</div>;
}
