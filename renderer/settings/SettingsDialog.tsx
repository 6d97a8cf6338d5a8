import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyStorageInfo, ProfileView } from '../../shared/contract/schemas.ts';
import { gatewayPresetIds, gatewayProtocols, type GatewayPresetId, type GatewayProtocol } from '../../shared/gateway/profile.ts';
import { toErrorInfo } from '../../shared/errors.ts';
import { describeError } from '../i18n/messages.ts';
import { call } from '../platform/api.ts';
import { VisionProfileFields } from '../vision/VisionProfileFields.tsx';
import { useAppStore } from '../state/store.ts';
import './gateways.css';
import { baseUrlHint, clampLimit, draftOf, formFromPreset, formFromProfile, formProblem, limitFields, presetLabelKeys, protocolLabelKeys, urlProblemKeys, type ProfileForm } from './profile-form.ts';
import { keyStatusText, keyStorageWarning } from './key-status-text.ts';
import { saveWarningText } from './save-warning-text.ts';

type Outcome = { kind: 'ok' | 'error' | 'warning'; message: string } | undefined;


/**
 * Gateway profiles: name, preset, base URL, protocol, model and key. The key field is
 * write-only: what was typed goes to main with Save (or Test connection) and is cleared; the
 * dialog only ever shows the key's status from main ("configured ••••abcd").
 */
export function SettingsDialog() {
  const { t } = useTranslation();
  // Main's errors, worded in the interface language from their code and params.
  const errorMessage = useCallback((error: unknown) => describeError(t, toErrorInfo(error)), [t]);
  const open = useAppStore((s) => s.settingsOpen);
  const setOpen = useAppStore((s) => s.setSettingsOpen);
  const dialog = useRef<HTMLDialogElement>(null);
  const [profiles, setProfiles] = useState<ProfileView[]>([]);
  const [storage, setStorage] = useState<KeyStorageInfo>();
  const [form, setForm] = useState<ProfileForm>(() => formFromPreset('openai'));
  const [models, setModels] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState<'test' | 'save' | undefined>();

  const refresh = useCallback(async (select?: string) => {
    const listed = await call('listProfiles', {});
    setProfiles(listed.profiles);
    setStorage(listed.keyStorage);
    const chosen = listed.profiles.find((p) => p.id === select) ?? (select === undefined ? listed.profiles[0] : undefined);
    if (chosen) setForm(formFromProfile(chosen));
    return listed.profiles;
  }, []);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      setOutcome(undefined);
      setModels([]);
      refresh().catch((error: unknown) => setOutcome({ kind: 'error', message: errorMessage(error) }));
    }
    if (!open && element.open) element.close();
  }, [open, refresh, errorMessage]);

  const current = profiles.find((p) => p.id === form.id);
  const update = (patch: Partial<ProfileForm>) => setForm((f) => ({ ...f, ...patch }));
  const urlHint = baseUrlHint(form.baseUrl);
  const problemKey = formProblem(form);
  const problem = problemKey === undefined ? undefined : t(problemKey);

  const choosePreset = (preset: GatewayPresetId) => {
    setModels([]);
    setOutcome(undefined);
    setForm((f) => ({ ...formFromPreset(preset), id: f.id, apiKey: f.apiKey, persistInsecurely: f.persistInsecurely, ...(f.id ? { name: f.name } : {}) }));
  };

  const testConnection = async () => {
    setBusy('test');
    setOutcome(undefined);
    try {
      const result = await call('testConnection', { profile: draftOf(form), ...(form.apiKey.trim() ? { apiKey: form.apiKey } : {}) });
      setModels(result.models);
      const vision =
        result.visionModelListed === undefined
          ? ''
          : ` ${t(result.visionModelListed ? 'vision:settings.visionListed' : 'vision:settings.visionNotListed', { model: form.visionModel.trim() })}`;
      setOutcome(
        result.modelListed && result.visionModelListed !== false
          ? { kind: 'ok', message: `${t('settings:connected', { count: result.models.length, url: result.url })}${vision}` }
          : result.modelListed
            ? { kind: 'warning', message: `${t('settings:connected', { count: result.models.length, url: result.url })}${vision}` }
            : { kind: 'warning', message: `${t('settings:connectedModelMissing', { count: result.models.length, url: result.url, model: form.model })}${vision}` },
      );
    } catch (error) {
      setModels([]);
      setOutcome({ kind: 'error', message: errorMessage(error) });
    } finally {
      setBusy(undefined);
    }
  };

  const save = async () => {
    setBusy('save');
    setOutcome(undefined);
    try {
      const key = form.apiKey.trim();
      const saved = await call('saveProfile', { profile: draftOf(form), ...(key ? { apiKey: key } : {}), persistInsecurely: form.persistInsecurely });
      // The key has gone to main; nothing here keeps it.
      update({ apiKey: '' });
      await refresh(saved.profile.id);
      await refreshProviders(`gateway:${saved.profile.id}`);
      setOutcome(
        saved.warnings.length > 0
          ? { kind: 'warning', message: t('settings:savedWithWarning', { warning: saved.warnings.map((warning) => saveWarningText(t, warning)).join(' ') }) }
          : { kind: 'ok', message: t('settings:savedProfile', { name: saved.profile.name, key: keyStatusText(t, saved.profile.keyStatus) }) },
      );
    } catch (error) {
      update({ apiKey: '' });
      setOutcome({ kind: 'error', message: errorMessage(error) });
    } finally {
      setBusy(undefined);
    }
  };

  const remove = async () => {
    if (!form.id) return;
    try {
      await call('deleteProfile', { id: form.id });
      const left = await refresh();
      if (left.length === 0) setForm(formFromPreset('openai'));
      await refreshProviders();
      setOutcome({ kind: 'ok', message: t('settings:deleted') });
    } catch (error) {
      setOutcome({ kind: 'error', message: errorMessage(error) });
    }
  };

  const clearKey = async () => {
    try {
      await call('saveProfile', { profile: draftOf(form), clearKey: true });
      await refresh(form.id);
      setOutcome({ kind: 'ok', message: t('settings:keyRemoved') });
    } catch (error) {
      setOutcome({ kind: 'error', message: errorMessage(error) });
    }
  };

  return (
    <dialog ref={dialog} aria-label={t('settings:dialog')} className="settings-dialog" onClose={() => setOpen(false)}>
      <h2>{t('settings:title')}</h2>
      <div className="settings-body">
        <nav className="profile-list" aria-label={t('settings:saved')}>
          <ul>
            {profiles.map((p) => (
              <li key={p.id}>
                <button type="button" aria-pressed={p.id === form.id} onClick={() => { setForm(formFromProfile(p)); setModels([]); setOutcome(undefined); }}>
                  <strong>{p.name}</strong>
                  <span className="muted small">{keyStatusText(t, p.keyStatus)}</span>
                </button>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => { setForm(formFromPreset('openai')); setModels([]); setOutcome(undefined); }}>
            {t('settings:newGateway')}
          </button>
        </nav>
        <form className="profile-form" aria-label={form.id ? t('settings:editGateway', { name: current?.name ?? t('settings:gateway') }) : t('settings:newGateway')} onSubmit={(e) => { e.preventDefault(); void save(); }}>
          <label className="field">
            <span>{t('settings:preset')}</span>
            <select aria-label={t('settings:preset')} value={form.preset} onChange={(e) => choosePreset(e.currentTarget.value as GatewayPresetId)}>
              {gatewayPresetIds.map((id) => (
                <option key={id} value={id}>{t(presetLabelKeys[id])}</option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('settings:name')}</span>
            <input aria-label={t('settings:name')} value={form.name} maxLength={80} onChange={(e) => update({ name: e.currentTarget.value })} />
          </label>
          <label className="field">
            <span>{t('settings:baseUrl')}</span>
            <input aria-label={t('settings:baseUrl')} value={form.baseUrl} placeholder="https://relay.example.com/v1" spellCheck={false} onChange={(e) => update({ baseUrl: e.currentTarget.value })} />
          </label>
          {urlHint && (
            <p className={`hint ${urlHint.kind}`} role={urlHint.kind === 'error' ? 'alert' : 'note'} aria-label={t('settings:baseUrlProblem')}>
              {t(urlProblemKeys[urlHint.problem], { scheme: urlHint.scheme })}{' '}
              {urlHint.suggestion && (
                <button type="button" className="link" onClick={() => update({ baseUrl: urlHint.suggestion! })}>
                  {t('settings:useSuggestion', { url: urlHint.suggestion })}
                </button>
              )}
            </p>
          )}
          <label className="field">
            <span>{t('settings:protocol')}</span>
            <select aria-label={t('settings:protocol')} value={form.protocol} onChange={(e) => update({ protocol: e.currentTarget.value as GatewayProtocol })}>
              {gatewayProtocols.map((p) => (
                <option key={p} value={p}>{t(protocolLabelKeys[p])}</option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('settings:model')}</span>
            <input aria-label={t('settings:model')} value={form.model} list="gateway-models" spellCheck={false} onChange={(e) => update({ model: e.currentTarget.value })} />
            <datalist id="gateway-models">
              {models.map((m) => <option key={m} value={m} />)}
            </datalist>
          </label>
          {models.length > 0 && (
            <label className="field">
              <span>{t('settings:modelsOnGateway')}</span>
              <select aria-label={t('settings:listedModels')} value={models.includes(form.model) ? form.model : ''} onChange={(e) => update({ model: e.currentTarget.value })}>
                <option value="" disabled>{t('settings:pickModel')}</option>
                {models.map((m) => <option key={m} value={m}>{m}</option>)}
              </select>
            </label>
          )}
          <VisionProfileFields form={form} models={models} update={update} />
          <label className="field">
            <span>{t('settings:apiKey')} {current ? <span className="muted small" aria-label={t('settings:keyStatus')}>({keyStatusText(t, current.keyStatus)})</span> : null}</span>
            <input
              type="password"
              aria-label={t('settings:apiKey')}
              autoComplete="off"
              spellCheck={false}
              value={form.apiKey}
              placeholder={current && current.keyStatus.state !== 'none' && current.keyStatus.state !== 'unreadable' ? t('settings:keepKeyPlaceholder') : t('settings:keyPlaceholder')}
              onChange={(e) => update({ apiKey: e.currentTarget.value })}
            />
          </label>
          {storage && !storage.secure && (
            <div className="hint warning" role="note" aria-label={t('settings:keyStorageWarning')}>
              <p>{keyStorageWarning(t, storage)}</p>
              <label className="check">
                <input type="checkbox" aria-label={t('settings:persistInsecurelyLabel')} checked={form.persistInsecurely} onChange={(e) => update({ persistInsecurely: e.currentTarget.checked })} />
                <span>{t('settings:persistInsecurely')}</span>
              </label>
            </div>
          )}
          <details className="limits">
            <summary>{t('settings:limits')}</summary>
            <div className="limit-grid">
              {limitFields.map((field) => (
                <label key={field.key} className="field">
                  <span>{t(field.labelKey)}</span>
                  <input
                    type="number"
                    aria-label={t(field.labelKey)}
                    min={field.min}
                    max={field.max}
                    value={form.limits[field.key]}
                    // Clamped when the field is left (and on save), so typing "300" is not cut short at "3".
                    onChange={(e) => update({ limits: { ...form.limits, [field.key]: Number(e.currentTarget.value) } })}
                    onBlur={(e) => update({ limits: { ...form.limits, [field.key]: clampLimit(field, Number(e.currentTarget.value)) } })}
                  />
                </label>
              ))}
            </div>
          </details>
          {outcome && (
            <p className={`hint ${outcome.kind}`} role={outcome.kind === 'error' ? 'alert' : 'status'} aria-label={t('settings:result')}>
              {outcome.message}
            </p>
          )}
          <div className="buttons">
            {form.id && (
              <button type="button" className="danger" onClick={() => void remove()}>
                {t('settings:deleteGateway')}
              </button>
            )}
            {current && current.keyStatus.state !== 'none' && current.keyStatus.state !== 'environment' && (
              <button type="button" onClick={() => void clearKey()}>
                {t('settings:removeKey')}
              </button>
            )}
            <button type="button" disabled={busy !== undefined || problem !== undefined} title={problem} onClick={() => void testConnection()}>
              {busy === 'test' ? t('settings:testing') : t('settings:testConnection')}
            </button>
            <button type="submit" className="primary" disabled={busy !== undefined || problem !== undefined} title={problem}>
              {busy === 'save' ? t('settings:saving') : t('settings:save')}
            </button>
          </div>
        </form>
      </div>
      <div className="buttons">
        <button type="button" onClick={() => setOpen(false)}>
          {t('settings:close')}
        </button>
      </div>
    </dialog>
  );
}

/** The provider list changes with the profiles; select the one just saved. */
async function refreshProviders(select?: string): Promise<void> {
  const { providers, defaultProviderId } = await call('listProviders', {});
  const state = useAppStore.getState();
  const keep = select ?? (providers.some((p) => p.id === state.providerId) ? state.providerId : defaultProviderId);
  state.setProviders(providers, providers.some((p) => p.id === keep) ? keep : defaultProviderId);
}
