import { InfillError } from '../../shared/errors.ts';
import { gatewayPresets, gatewayProtocols, validateBaseUrl, type GatewayProfile, type GatewayProtocol } from '../../shared/gateway/profile.ts';
import { UsageError } from './exit-codes.ts';

/** Where a gateway command sends its requests, and with which key. */
export interface GatewayTarget {
  profile: GatewayProfile;
  /** From INFILL_API_KEY; undefined is fine for a loopback relay without auth. */
  apiKey: string | undefined;
  /** Things worth saying before the request (a base URL without /v1). */
  warnings: string[];
}

export interface GatewayFlags {
  baseUrl?: string | undefined;
  protocol?: string | undefined;
  model?: string | undefined;
}

/** The model a protocol's usual host serves when --model is not given. */
const defaultModels: Partial<Record<GatewayProtocol, string>> = {
  'openai-images': gatewayPresets.openai.model,
  'chat-image': gatewayPresets.openrouter.model,
};

function hostOf(url: string): string {
  return /^[a-z]+:\/\/([^/]+)/i.exec(url)?.[1] ?? url;
}

/** An ad-hoc profile from --base-url/--protocol/--model (saved ones: saved-profiles.ts). */
export function gatewayTargetFromFlags(flags: GatewayFlags, env: NodeJS.ProcessEnv): GatewayTarget {
  if (!flags.baseUrl) throw new UsageError('A gateway needs --base-url URL (e.g. https://api.openai.com/v1).');
  const check = validateBaseUrl(flags.baseUrl);
  if (!check.ok) {
    throw new InfillError('INVALID_INPUT', `--base-url: ${check.error}${check.suggestion ? ` Try ${check.suggestion}` : ''}`);
  }
  const protocol = (flags.protocol ?? 'openai-images') as GatewayProtocol;
  if (!gatewayProtocols.includes(protocol)) {
    throw new UsageError(`--protocol must be one of ${gatewayProtocols.join(', ')} (got “${flags.protocol}”).`);
  }
  const model = flags.model ?? defaultModels[protocol];
  if (!model) throw new UsageError(`--protocol ${protocol} needs --model (the relay's model id; \`infill models --base-url …\` lists them).`);
  const warnings = check.warning ? [`${check.warning} Did you mean ${check.suggestion}?`] : [];
  const apiKey = env.INFILL_API_KEY?.trim() || undefined;
  const host = hostOf(check.url);
  return { profile: { id: 'cli', name: host, baseUrl: check.url, protocol, model }, apiKey, warnings };
}
