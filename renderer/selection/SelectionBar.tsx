import { useEffect, useState } from 'react';
import { ActionButton } from '../panels/ActionButton.tsx';
import { MAX_ADJUST_PX } from '../state/selection-slice.ts';
import { useAppStore } from '../state/store.ts';
import { applyAdjust, endAdjustPreview, loadMaskFile, MASK_FILE_INPUT_ID, previewAdjust } from './mask-commands.ts';
import { cancelAnalysis } from './object-analysis.ts';

const adjustTitles = { grow: 'Grow mask by', shrink: 'Shrink mask by', feather: 'Feather mask by' } as const;

/**
 * The selection options under the toolbar: which mask the selection tools edit, Select object's
 * analysis and grow amount, the mask commands, and Grow/Shrink/Feather's amount with a live
 * preview before it is applied.
 */
export function SelectionBar() {
  const tool = useAppStore((s) => s.tool);
  const target = useAppStore((s) => s.selectionTarget);
  const setTarget = useAppStore((s) => s.setSelectionTarget);
  const growPx = useAppStore((s) => s.objectGrowPx);
  const setGrowPx = useAppStore((s) => s.setObjectGrowPx);
  const analysis = useAppStore((s) => s.analysis);

  return (
    <div className="toolbar selection-bar" role="toolbar" aria-label="Selection">
      <div className="group">
        <label>
          <span>Selection edits</span>{' '}
          <select aria-label="Selection edits" value={target} onChange={(e) => setTarget(e.currentTarget.value === 'exclude' ? 'exclude' : 'fill')}>
            <option value="fill">Fill mask</option>
            <option value="exclude">Exclusion</option>
          </select>
        </label>
        {tool === 'object' && (
          <label className="slider">
            <span>Grow object</span>
            <input type="number" aria-label="Grow object by" min={0} max={MAX_ADJUST_PX} value={growPx} onChange={(e) => setGrowPx(Number(e.currentTarget.value))} />
            <span>px</span>
          </label>
        )}
        {tool === 'object' && analysis.status === 'analysing' && (
          <span role="status" className="analysis">
            <progress aria-label="Analysing the photo" /> Analysing the photo…{' '}
            <button type="button" onClick={cancelAnalysis}>
              Cancel
            </button>
          </span>
        )}
        {tool === 'object' && analysis.status === 'ready' && (
          <span role="status" className="analysis" data-embedding={analysis.embeddingId}>
            Click an object (Alt-click leaves a part out, drag a box, Enter or Shift-click keeps it)
          </span>
        )}
        {tool === 'object' && analysis.status === 'failed' && (
          <span role="alert" className="analysis">
            {analysis.error.message}
          </span>
        )}
      </div>
      <div className="group">
        <ActionButton action="selectAll" />
        <ActionButton action="deselect" />
        <ActionButton action="growMask" />
        <ActionButton action="shrinkMask" />
        <ActionButton action="featherMask" />
        <ActionButton action="maskFromLayer" />
        <ActionButton action="saveMask" />
        <ActionButton action="loadMask" />
        <input
          id={MASK_FILE_INPUT_ID}
          type="file"
          accept="image/png,image/jpeg,image/webp,image/tiff"
          aria-label="Mask file"
          hidden
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file) loadMaskFile(file).catch((error: unknown) => useAppStore.getState().notify('error', error instanceof Error ? error.message : String(error)));
          }}
        />
      </div>
      <AdjustRow />
    </div>
  );
}

/** Grow, Shrink or Feather waiting for its amount: the preview follows the slider until Apply or Cancel. */
function AdjustRow() {
  const kind = useAppStore((s) => s.maskAdjust);
  const amount = useAppStore((s) => s.maskAdjustPx);
  const setAmount = useAppStore((s) => s.setMaskAdjustPx);
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!kind) return;
    const timer = setTimeout(() => {
      previewAdjust(kind, amount).then(
        () => setError(undefined),
        (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
      );
    }, 60);
    return () => clearTimeout(timer);
  }, [kind, amount]);
  if (!kind) return null;
  return (
    <div className="group" role="group" aria-label={adjustTitles[kind]}>
      <label className="slider">
        <span>{adjustTitles[kind]}</span>
        <input type="range" aria-label="Amount" min={1} max={100} value={Math.min(amount, 100)} onChange={(e) => setAmount(Number(e.currentTarget.value))} />
        <output aria-label="Amount value">{amount} px</output>
      </label>
      <button
        type="button"
        onClick={() => applyAdjust(kind, amount).catch((e: unknown) => useAppStore.getState().notify('error', e instanceof Error ? e.message : String(e)))}
      >
        Apply
      </button>
      <button type="button" onClick={endAdjustPreview}>
        Cancel
      </button>
      {error && <span role="alert">{error}</span>}
    </div>
  );
}
