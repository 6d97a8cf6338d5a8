import { InfillError } from '../../shared/errors.ts';
import { isLoopbackHost, validateBaseUrl, visionProtocols, type GatewayProfile, type VisionProtocol } from '../../shared/gateway/profile.ts';
import { UsageError } from './exit-codes.ts';
import { savedGatewayTarget } from './saved-profiles.ts';

/** The gateway and vision model a `describe` (or `inpaint --suggest`) run talks to, and with which key. */
export interface VisionTarget {
  profile: GatewayProfile & { visionModel: string };
  apiKey: string | undefined;
  /** Where its cost is logged: the saved profile's folder, else as for ad-hoc jobs. */
  dataDir: string | undefined;
  warnings: string[];
}

export interface VisionFlags {
  provider?: string | undefined;
  baseUrl?: string | undefined;
  model?: string | undefined;
  protocol?: string | undefined;
  dataDir?: string | undefined;
}

export async function resolveVisionTarget(flags: VisionFlags, env: NodeJS.ProcessEnv): Promise<VisionTarget> {
  if (flags.provider !== undefined && flags.baseUrl !== undefined) throw new UsageError('Give either --provider NAME or --base-url URL, not both.');
  if (flags.provider !== undefined) {
    if (flags.model !== undefined || flags.protocol !== undefined) throw new UsageError('--model and --protocol go with --base-url; a saved profile names its own vision model.');
    const saved = await savedGatewayTarget(flags.provider, flags.dataDir, env);
    const visionModel = saved.profile.visionModel;
    if (!visionModel) throw new InfillError('NO_VISION_MODEL', `The gateway “${saved.profile.name}” has no vision model; set one in the app's Gateways… dialog, or use --base-url with --model.`);
    return { profile: { ...saved.profile, visionModel }, apiKey: saved.apiKey, dataDir: saved.dataDir, warnings: [] };
  }
  if (flags.baseUrl === undefined) throw new UsageError('describe needs a gateway: --base-url URL --model M, or --provider NAME.');
  const check = validateBaseUrl(flags.baseUrl);
  if (!check.ok) throw new InfillError('INVALID_INPUT', `--base-url: ${check.error}${check.suggestion ? ` Try ${check.suggestion}` : ''}`);
  if (!flags.model) throw new UsageError('--model names the vision model (e.g. gpt-4.1-mini, claude-sonnet-4); `infill models --base-url …` lists them.');
  const protocol = (flags.protocol ?? 'openai-chat') as VisionProtocol;
  if (!visionProtocols.includes(protocol)) throw new UsageError(`--protocol must be one of ${visionProtocols.join(', ')} (got “${flags.protocol}”).`);
  const apiKey = env.INFILL_API_KEY?.trim() || undefined;
  const host = /^[a-z]+:\/\/([^/]+)/i.exec(check.url)?.[1] ?? check.url;
  if (!apiKey && !isLoopbackHost(host.replace(/:\d+$/, ''))) throw new InfillError('AUTH_FAILED', `No API key for ${host}: set INFILL_API_KEY.`);
  return {
    profile: { id: 'cli', name: host, baseUrl: check.url, protocol: 'chat-image', model: flags.model, visionModel: flags.model, visionProtocol: protocol },
    apiKey,
    dataDir: flags.dataDir,
    warnings: check.warning ? [`${check.warning} Did you mean ${check.suggestion}?`] : [],
  };
}
