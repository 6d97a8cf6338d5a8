import { defaultGatewayLimits, type GatewayLimits, type ProfileDraft, type ProfileView } from '../../shared/contract/schemas.ts';
import { gatewayPresets, validateBaseUrl, type BaseUrlProblem, type GatewayPresetId, type GatewayProtocol, type VisionProtocol } from '../../shared/gateway/profile.ts';

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

/** Catalogue keys of the protocols' names. */
export const protocolLabelKeys: Record<GatewayProtocol, string> = {
  'openai-images': 'settings:protocols.openaiImages',
  'chat-image': 'settings:protocols.chatImage',
  'json-relay': 'settings:protocols.jsonRelay',
};

/** Catalogue keys of the presets' names (the preset's own name is English). */
export const presetLabelKeys: Record<GatewayPresetId, string> = {
  openai: 'settings:presets.openai',
  openrouter: 'settings:presets.openrouter',
  'litellm-local': 'settings:presets.litellmLocal',
  custom: 'settings:presets.custom',
};

/** Catalogue keys of what can be wrong with a base URL. */
export const urlProblemKeys: Record<BaseUrlProblem, string> = {
  noScheme: 'settings:urlProblems.noScheme',
  invalid: 'settings:urlProblems.invalid',
  scheme: 'settings:urlProblems.scheme',
  credentials: 'settings:urlProblems.credentials',
  query: 'settings:urlProblems.query',
  plainHttp: 'settings:urlProblems.plainHttp',
  endpoint: 'settings:urlProblems.endpoint',
  noVersion: 'settings:urlProblems.noVersion',
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

export type UrlHint = { kind: 'error' | 'warning'; problem: BaseUrlProblem; scheme?: string; suggestion?: string } | undefined;

/** Checked as the person types: the same rules main applies on save. */
export function baseUrlHint(baseUrl: string): UrlHint {
  if (!baseUrl.trim()) return undefined;
  const check = validateBaseUrl(baseUrl);
  if (!check.ok) return { kind: 'error', problem: check.problem, ...(check.scheme ? { scheme: check.scheme } : {}), ...(check.suggestion ? { suggestion: check.suggestion } : {}) };
  if (check.problem) return { kind: 'warning', problem: check.problem, ...(check.suggestion ? { suggestion: check.suggestion } : {}) };
  return undefined;
}

/** The catalogue key of what stops the form from being saved, if anything. */
export function formProblem(form: ProfileForm): string | undefined {
  if (!form.name.trim()) return 'settings:problems.name';
  if (!form.baseUrl.trim()) return 'settings:problems.baseUrl';
  if (baseUrlHint(form.baseUrl)?.kind === 'error') return 'settings:problems.fixBaseUrl';
  if (!form.model.trim()) return 'settings:problems.model';
  return undefined;
}

/** The limits the settings dialog edits, with their labels and bounds (as gatewayLimitsSchema). */
export const limitFields: ReadonlyArray<{ key: keyof GatewayLimits; labelKey: string; min: number; max: number }> = [
  { key: 'maxConcurrent', labelKey: 'settings:limitFields.maxConcurrent', min: 1, max: 16 },
  { key: 'requestsPerMinute', labelKey: 'settings:limitFields.requestsPerMinute', min: 1, max: 600 },
  { key: 'maxRetries', labelKey: 'settings:limitFields.maxRetries', min: 0, max: 5 },
  { key: 'connectTimeoutS', labelKey: 'settings:limitFields.connectTimeoutS', min: 1, max: 120 },
  { key: 'totalTimeoutS', labelKey: 'settings:limitFields.totalTimeoutS', min: 10, max: 3600 },
];

export function clampLimit(field: (typeof limitFields)[number], value: number): number {
  return Math.round(Math.min(field.max, Math.max(field.min, Number.isFinite(value) ? value : field.min)));
}

export function clampedLimits(limits: GatewayLimits): GatewayLimits {
  const out = { ...limits };
  for (const field of limitFields) out[field.key] = clampLimit(field, limits[field.key]);
  return out;
}
