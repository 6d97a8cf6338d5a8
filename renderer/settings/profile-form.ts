import { defaultGatewayLimits, type GatewayLimits, type ProfileDraft, type ProfileView } from '../../shared/contract/schemas.ts';
import { gatewayPresets, validateBaseUrl, type GatewayPresetId, type GatewayProtocol, type VisionProtocol } from '../../shared/gateway/profile.ts';

/** The settings form's state and its pure rules, kept out of the component so they read plainly. */

export interface ProfileForm {
  id: string | undefined;
  preset: GatewayPresetId;
  name: string;
  baseUrl: string;
  protocol: GatewayProtocol;
  model: string;
  /** Typed here, sent once with Save or Test, then cleared; never filled from main. */
  apiKey: string;
  persistInsecurely: boolean;
  limits: GatewayLimits;
  /** Prompt help: a vision chat model on the same gateway ('' for none) and its protocol. */
  visionModel: string;
  visionProtocol: VisionProtocol;
}

export const protocolLabels: Record<GatewayProtocol, string> = {
  'openai-images': 'OpenAI Images (/images/edits, /images/generations)',
  'chat-image': 'Chat image model (/chat/completions)',
  'json-relay': 'JSON inpaint relay (/images/inpaint, /images/outpaint)',
};

export function formFromPreset(preset: GatewayPresetId): ProfileForm {
  const p = gatewayPresets[preset];
  return { id: undefined, preset, name: preset === 'custom' ? '' : p.name, baseUrl: preset === 'custom' ? '' : p.baseUrl, protocol: p.protocol, model: p.model, apiKey: '', persistInsecurely: false, limits: defaultGatewayLimits, visionModel: '', visionProtocol: 'openai-chat' };
}

export function formFromProfile(profile: ProfileView): ProfileForm {
  const preset = (Object.keys(gatewayPresets) as GatewayPresetId[]).find((id) => gatewayPresets[id].baseUrl === profile.baseUrl) ?? 'custom';
  return { id: profile.id, preset, name: profile.name, baseUrl: profile.baseUrl, protocol: profile.protocol, model: profile.model, apiKey: '', persistInsecurely: profile.persistInsecurely, limits: profile.limits, visionModel: profile.visionModel ?? '', visionProtocol: profile.visionProtocol ?? 'openai-chat' };
}

export function draftOf(form: ProfileForm): ProfileDraft {
  return { ...(form.id ? { id: form.id } : {}), name: form.name.trim(), baseUrl: form.baseUrl.trim(), protocol: form.protocol, model: form.model.trim(), limits: clampedLimits(form.limits), visionModel: form.visionModel.trim(), visionProtocol: form.visionProtocol };
}

export type UrlHint = { kind: 'error' | 'warning'; message: string; suggestion?: string } | undefined;

/** Checked as the person types: the same rules main applies on save. */
export function baseUrlHint(baseUrl: string): UrlHint {
  if (!baseUrl.trim()) return undefined;
  const check = validateBaseUrl(baseUrl);
  if (!check.ok) return { kind: 'error', message: check.error, ...(check.suggestion ? { suggestion: check.suggestion } : {}) };
  if (check.warning) return { kind: 'warning', message: check.warning, ...(check.suggestion ? { suggestion: check.suggestion } : {}) };
  return undefined;
}

export function formProblem(form: ProfileForm): string | undefined {
  if (!form.name.trim()) return 'Give the gateway a name.';
  if (!form.baseUrl.trim()) return 'Enter the base URL.';
  if (baseUrlHint(form.baseUrl)?.kind === 'error') return 'Fix the base URL first.';
  if (!form.model.trim()) return 'Choose a model.';
  return undefined;
}

/** The limits the settings dialog edits, with their labels and bounds (as gatewayLimitsSchema). */
export const limitFields: ReadonlyArray<{ key: keyof GatewayLimits; label: string; min: number; max: number }> = [
  { key: 'maxConcurrent', label: 'Requests at once', min: 1, max: 16 },
  { key: 'requestsPerMinute', label: 'Requests per minute', min: 1, max: 600 },
  { key: 'maxRetries', label: 'Retries', min: 0, max: 5 },
  { key: 'connectTimeoutS', label: 'Connect timeout (s)', min: 1, max: 120 },
  { key: 'totalTimeoutS', label: 'Total timeout (s)', min: 10, max: 3600 },
];

export function clampLimit(field: (typeof limitFields)[number], value: number): number {
  return Math.round(Math.min(field.max, Math.max(field.min, Number.isFinite(value) ? value : field.min)));
}

export function clampedLimits(limits: GatewayLimits): GatewayLimits {
  const out = { ...limits };
  for (const field of limitFields) out[field.key] = clampLimit(field, limits[field.key]);
  return out;
}
