import { useTranslation } from 'react-i18next';
import type { ActionId } from '../../shared/actions/catalog.ts';
import { getDocument } from '../../shared/document/records.ts';
import { visionDetails, type VisionDetail } from '../../shared/vision/vision-contract.ts';
import { isActionEnabled, runAction } from '../actions/registry.ts';
import { formatMoney, formatNumber } from '../i18n/format.ts';
import { progressText } from '../i18n/provider-text.ts';
import { useAppStore } from '../state/store.ts';
import './prompt-help.css';
import { useVisionStore } from './vision-slice.ts';

/**
 * Prompt help in the Prompt panel: Suggest prompt, Describe photo, Translate to English, the
 * detail level, Stop while a model writes, and what the last answer cost. Shown only when some
 * gateway profile names a vision model.
 */
export function PromptHelp() {
  const { t } = useTranslation();
  const profiles = useVisionStore((s) => s.profiles);
  const detail = useVisionStore((s) => s.detail);
  const setDetail = useVisionStore((s) => s.setDetail);
  const active = useVisionStore((s) => s.active);
  const waiting = useVisionStore((s) => s.waiting);
  const describing = useVisionStore((s) => s.describing);
  const last = useVisionStore((s) => s.last);
  const description = useAppStore((s) => getDocument(s.records)?.description);
  if (profiles.length === 0) return null;

  return (
    <div className="prompt-help" role="group" aria-label={t('vision:group')}>
      <div className="buttons left">
        <HelpButton action="suggestPrompt" label={t('vision:action.suggest')} />
        <HelpButton action="describePhoto" label={t('vision:action.describe')} />
        <HelpButton action="translatePrompt" label={t('vision:action.translate')} />
        {active && <HelpButton action="stopPromptHelp" label={t('vision:action.stop')} title={t('vision:stopHint')} />}
      </div>
      <label className="field inline">
        <span>{t('vision:detail.label')}</span>
        <select aria-label={t('vision:detail.label')} value={detail} onChange={(e) => setDetail(e.currentTarget.value as VisionDetail)}>
          {visionDetails.map((d) => (
            <option key={d} value={d}>
              {d === 'low' ? t('vision:detail.low') : d === 'medium' ? t('vision:detail.medium') : t('vision:detail.high')}
            </option>
          ))}
        </select>
      </label>
      {active && (
        <p className="muted small" role="status" aria-label={t('vision:status')}>
          {waiting ? progressText(t, waiting) : t('vision:writing', { model: active.model })}
        </p>
      )}
      {!active && last && (
        <p className="muted small" aria-label={t('vision:cost')}>
          {last.cost === undefined
            ? t('vision:costUnknown', { model: last.model })
            : t(last.estimated ? 'vision:costEstimated' : 'vision:costReported', {
                cost: formatMoney(last.cost.amount, last.cost.currency),
                model: last.model,
                input: formatNumber(last.inputTokens ?? 0),
                output: formatNumber(last.outputTokens ?? 0),
              })}
          {last.incomplete ? ` ${t('vision:incomplete')}` : ''}
        </p>
      )}
      {active?.task === 'describe' && <p className="description-stream" aria-label={t('vision:describing')}>{describing}</p>}
      {description && !(active?.task === 'describe') && (
        <dl className="description small" aria-label={t('vision:description')}>
          <dt>{t('vision:caption')}</dt>
          <dd aria-label={t('vision:caption')}>{description.caption}</dd>
          <dt>{t('vision:altText')}</dt>
          <dd aria-label={t('vision:altText')}>{description.altText}</dd>
        </dl>
      )}
    </div>
  );
}

/** An action button that also re-renders when the vision store changes (the actions read it). */
function HelpButton({ action, label, title }: { action: ActionId; label: string; title?: string }) {
  useVisionStore((s) => s.active);
  useVisionStore((s) => s.profiles);
  const enabled = useAppStore((s) => isActionEnabled(action, s));
  return (
    <button type="button" aria-label={label} title={title ?? label} disabled={!enabled} onClick={() => void runAction(action)}>
      {label}
    </button>
  );
}
