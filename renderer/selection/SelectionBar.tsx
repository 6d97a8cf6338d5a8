import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, errorMessage } from '../i18n/messages.ts';
import { ActionButton } from '../panels/ActionButton.tsx';
import { MAX_ADJUST_PX } from '../state/selection-slice.ts';
import { useAppStore } from '../state/store.ts';
import { applyAdjust, endAdjustPreview, loadMaskFile, MASK_FILE_INPUT_ID, previewAdjust } from './mask-commands.ts';
import { cancelAnalysis } from './object-analysis.ts';
import { HiddenFileInput } from '../panels/HiddenFileInput.tsx';

/**
 * The selection options under the toolbar: which mask the selection tools edit, Select object's
 * analysis and grow amount, the mask commands, and Grow/Shrink/Feather's amount with a live
 * preview before it is applied.
 */
export function SelectionBar() {
  const { t } = useTranslation();
  const tool = useAppStore((s) => s.tool);
  const target = useAppStore((s) => s.selectionTarget);
  const setTarget = useAppStore((s) => s.setSelectionTarget);
  const growPx = useAppStore((s) => s.objectGrowPx);
  const setGrowPx = useAppStore((s) => s.setObjectGrowPx);
  const analysis = useAppStore((s) => s.analysis);

  return (
    <div className="toolbar selection-bar" role="toolbar" aria-label={t('selection:bar.label')}>
      <div className="group">
        <label>
          <span>{t('selection:bar.target')}</span>{' '}
          <select aria-label={t('selection:bar.target')} value={target} onChange={(e) => setTarget(e.currentTarget.value === 'exclude' ? 'exclude' : 'fill')}>
            <option value="fill">{t('selection:bar.targetFill')}</option>
            <option value="exclude">{t('selection:bar.targetExclude')}</option>
          </select>
        </label>
        {tool === 'object' && (
          <label className="slider">
            <span>{t('selection:bar.growObject')}</span>
            <input type="number" aria-label={t('selection:bar.growObjectBy')} min={0} max={MAX_ADJUST_PX} value={growPx} onChange={(e) => setGrowPx(Number(e.currentTarget.value))} />
            <span>{t('selection:bar.px')}</span>
          </label>
        )}
        {tool === 'object' && analysis.status === 'analysing' && (
          <span role="status" className="analysis">
            <progress aria-label={t('selection:bar.analysing')} /> {t('selection:bar.analysing')}{' '}
            <button type="button" onClick={cancelAnalysis}>
              {t('selection:bar.cancel')}
            </button>
          </span>
        )}
        {tool === 'object' && analysis.status === 'ready' && (
          <span role="status" className="analysis" data-embedding={analysis.embeddingId}>
            {t('selection:bar.ready')}
          </span>
        )}
        {tool === 'object' && analysis.status === 'failed' && (
          <span role="alert" className="analysis">
            {describeError(t, analysis.error)}
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
        <HiddenFileInput
          id={MASK_FILE_INPUT_ID}
          accept="image/png,image/jpeg,image/webp,image/tiff"
          label={t('selection:bar.maskFile')}
          onFile={(file) => loadMaskFile(file).catch((error: unknown) => useAppStore.getState().notify('error', errorMessage(error, 'selection:notice.maskFailed')))}
        />
      </div>
      <AdjustRow />
    </div>
  );
}

/** Grow, Shrink or Feather waiting for its amount: the preview follows the slider until Apply or Cancel. */
function AdjustRow() {
  const { t } = useTranslation();
  const kind = useAppStore((s) => s.maskAdjust);
  const amount = useAppStore((s) => s.maskAdjustPx);
  const setAmount = useAppStore((s) => s.setMaskAdjustPx);
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!kind) return;
    const timer = setTimeout(() => {
      previewAdjust(kind, amount).then(
        () => setError(undefined),
        (e: unknown) => setError(describeError(t, errorMessage(e).error!)),
      );
    }, 60);
    return () => clearTimeout(timer);
  }, [kind, amount, t]);
  if (!kind) return null;
  const title = { grow: t('selection:adjust.grow'), shrink: t('selection:adjust.shrink'), feather: t('selection:adjust.feather') }[kind];
  return (
    <div className="group" role="group" aria-label={title}>
      <label className="slider">
        <span>{title}</span>
        <input type="range" aria-label={t('selection:adjust.amount')} min={1} max={100} value={Math.min(amount, 100)} onChange={(e) => setAmount(Number(e.currentTarget.value))} />
        <output aria-label={t('selection:adjust.amountValue')}>{t('selection:adjust.pixels', { value: amount })}</output>
      </label>
      <button
        type="button"
        onClick={() => applyAdjust(kind, amount).catch((e: unknown) => useAppStore.getState().notify('error', errorMessage(e, 'selection:notice.maskFailed')))}
      >
        {t('selection:adjust.apply')}
      </button>
      <button type="button" onClick={endAdjustPreview}>
        {t('selection:adjust.cancel')}
      </button>
      {error && <span role="alert">{error}</span>}
    </div>
  );
}
