import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../i18n/format.ts';
import { describeEstimate, progressText, providerDescription, providerLabel } from '../i18n/provider-text.ts';
import { ResultsTray } from '../results/ResultsTray.tsx';
import { MAX_VARIATIONS } from '../state/generation-slice.ts';
import { useAppStore } from '../state/store.ts';
import { PromptHelp } from '../vision/PromptHelp.tsx';
import { useVisionStore } from '../vision/vision-slice.ts';
import { ActionButton } from './ActionButton.tsx';

export function PromptPanel() {
  const { t } = useTranslation();
  const stageLabels = {
    queued: t('panels:stage.queued'),
    preparing: t('panels:stage.preparing'),
    running: t('panels:stage.running'),
    compositing: t('panels:stage.compositing'),
    done: t('panels:stage.done'),
  };
  const providers = useAppStore((s) => s.providers);
  const providerId = useAppStore((s) => s.providerId);
  const setProviderId = useAppStore((s) => s.setProviderId);
  const prompt = useAppStore((s) => s.prompt);
  const setPrompt = useAppStore((s) => s.setPrompt);
  const job = useAppStore((s) => s.activeJob);
  const estimate = useAppStore((s) => s.estimate);
  const variations = useAppStore((s) => s.variations);
  const setVariations = useAppStore((s) => s.setVariations);
  const seedText = useAppStore((s) => s.seedText);
  const setSeedText = useAppStore((s) => s.setSeedText);
  const provider = providers.find((p) => p.id === providerId);
  const isGateway = provider?.kind === 'gateway';
  const tuning = provider?.tuning ?? [];
  // A vision model is writing into the box: typing would interleave with its text.
  const helpWriting = useVisionStore((s) => s.active !== undefined && s.active.task !== 'describe');

  return (
    <section className="panel prompt" aria-label={t('panels:prompt.region')}>
      <h2>{t('panels:prompt.title')}</h2>
      <label className="field">
        <span>{t('panels:prompt.provider')}</span>
        <select aria-label={t('panels:prompt.provider')} value={providerId} onChange={(e) => setProviderId(e.currentTarget.value)}>
          {providers.map((p) => (
            <option key={p.id} value={p.id}>
              {providerLabel(t, p)}
            </option>
          ))}
        </select>
      </label>
      {provider && <p className="muted small">{providerDescription(t, provider)}</p>}
      <div className="buttons left">
        <ActionButton action="openSettings" />
        <ActionButton action="openUsage">{t('panels:prompt.usage')}</ActionButton>
      </div>
      <label className="field">
        <span>{t('panels:prompt.prompt')}</span>
        <textarea
          aria-label={t('panels:prompt.prompt')}
          rows={4}
          value={prompt}
          readOnly={helpWriting}
          placeholder={provider?.supportsPrompt === false ? t('panels:prompt.placeholderIgnored') : t('panels:prompt.placeholder')}
          onChange={(e) => setPrompt(e.currentTarget.value)}
        />
      </label>
      <PromptHelp />
      {(tuning.includes('variations') || tuning.includes('seed')) && (
        <div className="field-row">
          {tuning.includes('variations') && (
            <label className="field">
              <span>{t('panels:prompt.variations')}</span>
              <input type="number" aria-label={t('panels:prompt.variations')} min={1} max={MAX_VARIATIONS} value={variations} onChange={(e) => setVariations(Number(e.currentTarget.value))} />
            </label>
          )}
          {tuning.includes('seed') && (
            <label className="field">
              <span>{t('panels:prompt.seed')}</span>
              <input type="text" inputMode="numeric" aria-label={t('panels:prompt.seed')} placeholder={t('panels:prompt.seedRandom')} value={seedText} onChange={(e) => setSeedText(e.currentTarget.value)} />
            </label>
          )}
        </div>
      )}
      {(tuning.includes('strength') || tuning.includes('guidance')) && <DiffusionSettings />}
      <div className="buttons left">
        <ActionButton action="generate" className="primary" />
        {isGateway && <ActionButton action="generateImage" />}
      </div>
      {estimate && !job && (
        <p className="muted small" aria-label={t('panels:prompt.estimate')}>
          {describeEstimate(t, estimate, provider)}
        </p>
      )}
      {job && (
        <div className="job" role="status" aria-label={t('panels:prompt.status')}>
          <progress aria-label={t('panels:prompt.progressLabel')} max={1} value={job.progress} />
          <span>
            {t('panels:prompt.progress', { stage: job.note ? progressText(t, job.note) : stageLabels[job.stage], percent: formatPercent(job.progress) })}
          </span>
          <ActionButton action="cancelJob">{t('panels:prompt.cancel')}</ActionButton>
        </div>
      )}
      <ResultsTray />
    </section>
  );
}

/** Strength and guidance, for the relays whose protocol takes them. */
function DiffusionSettings() {
  const { t } = useTranslation();
  const strength = useAppStore((s) => s.strength);
  const guidance = useAppStore((s) => s.guidance);
  const setStrength = useAppStore((s) => s.setStrength);
  const setGuidance = useAppStore((s) => s.setGuidance);
  return (
    <div className="field-row">
      <label className="field">
        <span>{t('panels:prompt.strength', { value: formatNumber(strength, undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) })}</span>
        <input type="range" aria-label={t('panels:prompt.strengthLabel')} min={0} max={1} step={0.05} value={strength} onChange={(e) => setStrength(Number(e.currentTarget.value))} />
      </label>
      <label className="field">
        <span>{t('panels:prompt.guidance', { value: formatNumber(guidance, undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) })}</span>
        <input type="range" aria-label={t('panels:prompt.guidanceLabel')} min={0} max={20} step={0.5} value={guidance} onChange={(e) => setGuidance(Number(e.currentTarget.value))} />
      </label>
    </div>
  );
}
