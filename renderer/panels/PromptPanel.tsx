import { describeEstimate } from '../jobs/estimate.ts';
import { useAppStore } from '../state/store.ts';
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
  const provider = providers.find((p) => p.id === providerId);

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
      <label className="field">
        <span>Prompt</span>
        <textarea
          aria-label="Prompt"
          rows={4}
          value={prompt}
          placeholder={provider?.supportsPrompt === false ? 'This provider fills from the surroundings and ignores the prompt.' : 'Describe what should appear in the masked area'}
          onChange={(e) => setPrompt(e.currentTarget.value)}
        />
      </label>
      <ActionButton action="generate" className="primary" />
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
    </section>
  );
}
