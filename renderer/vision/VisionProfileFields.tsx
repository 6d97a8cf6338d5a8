import { useTranslation } from 'react-i18next';
import { visionProtocols, type VisionProtocol } from '../../shared/gateway/profile.ts';
import type { ProfileForm } from '../settings/profile-form.ts';

/** The gateway form's prompt-help fields: a vision model (picked from GET /models) and its protocol. */
export function VisionProfileFields({ form, models, update }: { form: ProfileForm; models: readonly string[]; update: (patch: Partial<ProfileForm>) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <label className="field">
        <span>{t('vision:settings.visionModel')}</span>
        <input
          aria-label={t('vision:settings.visionModel')}
          value={form.visionModel}
          list="gateway-vision-models"
          spellCheck={false}
          placeholder={t('vision:settings.visionModelPlaceholder')}
          onChange={(e) => update({ visionModel: e.currentTarget.value })}
        />
        <datalist id="gateway-vision-models">
          {models.map((m) => (
            <option key={m} value={m} />
          ))}
        </datalist>
      </label>
      {form.visionModel.trim() !== '' && (
        <label className="field">
          <span>{t('vision:settings.visionProtocol')}</span>
          <select aria-label={t('vision:settings.visionProtocol')} value={form.visionProtocol} onChange={(e) => update({ visionProtocol: e.currentTarget.value as VisionProtocol })}>
            {visionProtocols.map((p) => (
              <option key={p} value={p}>
                {p === 'anthropic' ? t('vision:settings.anthropic') : t('vision:settings.openaiChat')}
              </option>
            ))}
          </select>
        </label>
      )}
    </>
  );
}
