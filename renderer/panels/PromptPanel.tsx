import { describeEstimate } from '../jobs/estimate.ts';
import { ResultsTray } from '../results/ResultsTray.tsx';
import { MAX_VARIATIONS } from '../state/generation-slice.ts';
import { useAppStore } from '../state/store.ts';
import { PromptHelp } from '../vision/PromptHelp.tsx';
import { useVisionStore } from '../vision/vision-slice.ts';
import { ActionButton } from './ActionButton.tsx';

const stageLabels = { queued: 'Queued', preparing: 'Preparing', running: 'Filling', compositing: 'Compositing', done: 'Done' } as const;

export function PromptPanel() {
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
    <section className="panel prompt" aria-label="Generation">
      <h2>Generate</h2>
      <label className="field">
        <span>Provider</span>
        <select aria-label="Provider" value={providerId} onChange={(e) => setProviderId(e.currentTarget.value)}>
          {providers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      {provider && <p className="muted small">{provider.description}</p>}
      <div className="buttons left">
        <ActionButton action="openSettings" />
        <ActionButton action="openUsage">Usage</ActionButton>
      </div>
      <label className="field">
        <span>Prompt</span>
        <textarea
          aria-label="Prompt"
          rows={4}
          value={prompt}
          readOnly={helpWriting}
          placeholder={provider?.supportsPrompt === false ? 'This provider fills from the surroundings and ignores the prompt.' : 'Describe what should appear in the masked area'}
          onChange={(e) => setPrompt(e.currentTarget.value)}
        />
      </label>
      <PromptHelp />
      {(tuning.includes('variations') || tuning.includes('seed')) && (
        <div className="field-row">
          {tuning.includes('variations') && (
            <label className="field">
              <span>Variations</span>
              <input type="number" aria-label="Variations" min={1} max={MAX_VARIATIONS} value={variations} onChange={(e) => setVariations(Number(e.currentTarget.value))} />
            </label>
          )}
          {tuning.includes('seed') && (
            <label className="field">
              <span>Seed</span>
              <input type="text" inputMode="numeric" aria-label="Seed" placeholder="random" value={seedText} onChange={(e) => setSeedText(e.currentTarget.value)} />
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
        <p className="muted small" aria-label="Estimate">
          {describeEstimate(estimate)}
        </p>
      )}
      {job && (
        <div className="job" role="status" aria-label="Generation status">
          <progress aria-label="Generation progress" max={1} value={job.progress} />
          <span>
            {job.message ?? stageLabels[job.stage]} {Math.round(job.progress * 100)} %
          </span>
          <ActionButton action="cancelJob">Cancel</ActionButton>
        </div>
      )}
      <ResultsTray />
    </section>
  );
}

/** Strength and guidance, for the relays whose protocol takes them. */
function DiffusionSettings() {
  const strength = useAppStore((s) => s.strength);
  const guidance = useAppStore((s) => s.guidance);
  const setStrength = useAppStore((s) => s.setStrength);
  const setGuidance = useAppStore((s) => s.setGuidance);
  return (
    <div className="field-row">
      <label className="field">
        <span>Strength {strength.toFixed(2)}</span>
        <input type="range" aria-label="Strength" min={0} max={1} step={0.05} value={strength} onChange={(e) => setStrength(Number(e.currentTarget.value))} />
      </label>
      <label className="field">
        <span>Guidance {guidance.toFixed(1)}</span>
        <input type="range" aria-label="Guidance" min={0} max={20} step={0.5} value={guidance} onChange={(e) => setGuidance(Number(e.currentTarget.value))} />
      </label>
    </div>
  );
}
