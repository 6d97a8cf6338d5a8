import type { TFunction } from 'i18next';
import type { ProgressNote } from '../../shared/contract/progress-note.ts';
import type { ProviderInfo } from '../../shared/contract/schemas.ts';
import type { JobEstimateView } from '../state/app-state.ts';
import { formatFileSize, formatMoney, formatNumber } from './format.ts';

/** Words main's providers, estimates and progress in the interface language. */
/** Our offline engines' names and descriptions; a gateway is called what the person named it. */
const offlineTexts: Record<string, { label: string; description: string }> = {
  'offline-auto': { label: 'panels:providers.offlineAuto', description: 'panels:providers.offlineAutoDescription' },
  'offline-smooth': { label: 'panels:providers.offlineSmooth', description: 'panels:providers.offlineSmoothDescription' },
  'offline-content-aware': { label: 'panels:providers.offlineContentAware', description: 'panels:providers.offlineContentAwareDescription' },
};

export function providerLabel(t: TFunction, provider: Pick<ProviderInfo, 'id' | 'label'>): string {
  const texts = offlineTexts[provider.id];
  return texts ? t(texts.label) : provider.label;
}

export function providerDescription(t: TFunction, provider: ProviderInfo): string {
  const texts = offlineTexts[provider.id];
  if (texts) return t(texts.description);
  return provider.gateway ? t('panels:providers.gatewayDescription', provider.gateway) : provider.description;
}

/** "Content-aware fill of 41,000 px, about 3 s"; nothing about time for runs too short to wait for. */
export function describeEstimate(t: TFunction, estimate: JobEstimateView, provider: Pick<ProviderInfo, 'id' | 'label'> | undefined): string {
  const pixels = formatNumber(estimate.pixels ?? 0);
  const detail =
    estimate.method === 'smooth'
      ? t('panels:estimate.smooth', { pixels })
      : estimate.method === 'content-aware'
        ? t('panels:estimate.contentAware', { pixels })
        : provider
          ? providerLabel(t, provider)
          : estimate.detail;
  if (estimate.seconds === null) return detail;
  if (estimate.seconds < 1) return t('panels:estimate.underASecond', { detail });
  return t('panels:estimate.seconds', { detail, seconds: formatNumber(Math.round(estimate.seconds)) });
}

/** Main's progress step in the interface language; sizes and money formatted the local way. */
export function progressText(t: TFunction, note: ProgressNote): string {
  const params: Record<string, string | number> = { ...note.params };
  for (const name of ['bytes', 'refusedBytes'] as const) if (typeof params[name] === 'number') params[name] = formatFileSize(params[name]);
  if (typeof params.amount === 'number' && typeof params.currency === 'string') params.cost = formatMoney(params.amount, params.currency);
  return t(note.key, params);
}
