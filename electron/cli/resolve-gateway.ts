import { InfillError } from '../../shared/errors.ts';
import type { GatewayProfile } from '../../shared/gateway/profile.ts';
import { createGatewayProvider, type GatewayProviderOptions } from '../gateways/index.ts';
import type { Provider } from '../jobs/provider.ts';
import { recordAnswer } from '../profiles/gateway-providers.ts';
import { createGatewaySettings } from '../profiles/gateway-settings.ts';
import { createPriceStore } from '../usage/price-store.ts';
import { createUsageLog } from '../usage/usage-log.ts';
import type { ProviderSelection } from './args.ts';
import type { CliIo } from './cli-io.ts';
import { usageDataDir } from './data-dirs.ts';
import { gatewayTargetFromFlags, type GatewayTarget } from './gateway-target.ts';
import { savedGatewayTarget } from './saved-profiles.ts';

/** The gateway half of resolve-provider.ts, loaded only when a job goes to a gateway (it brings the SDKs). */

/** The provider a job command runs, by the app's provider ids. */
export interface ResolvedProvider {
  providerId: string;
  /** The gateway provider to register, when the job goes to one. */
  gateway?: Provider;
  target?: GatewayTarget;
}

export async function resolveGateway(selection: Exclude<ProviderSelection, { kind: 'offline' }>, env: NodeJS.ProcessEnv, io: CliIo): Promise<ResolvedProvider> {
  if (selection.kind === 'profile') {
    const target = await savedGatewayTarget(selection.name, selection.dataDir, env);
    io.protect(target.apiKey);
    // The app's own composition for saved profiles: the person's price table, and every answer
    // recorded in the usage log (append-only, so the app may be running at the same time).
    const environmentKey = env.INFILL_API_KEY?.trim() || undefined;
    const settings = await createGatewaySettings({ dataDir: target.dataDir, ...(environmentKey ? { environmentKey } : {}) });
    const gateway = settings.providers().find((p) => p.info.id === `gateway:${target.profile.id}`);
    if (!gateway) throw new InfillError('PROVIDER_UNAVAILABLE', `The gateway profile “${target.profile.name}” could not be loaded.`);
    return { providerId: gateway.info.id, gateway, target };
  }
  const target = gatewayTargetFromFlags(selection.flags, env);
  io.protect(target.apiKey);
  for (const warning of target.warnings) io.err(`infill: warning: ${warning}`);
  // Ad-hoc jobs are billed like the app's: priced with its table and added to its usage log.
  const usageDir = usageDataDir(selection.dataDir, env);
  const recording = usageDir ? await usageRecording(usageDir, target.profile, io) : {};
  // The key is read per job and never stored in the provider (as in the app).
  const gateway = createGatewayProvider(target.profile, async () => target.apiKey, recording);
  return { providerId: gateway.info.id, gateway, target };
}

async function usageRecording(dataDir: string, profile: GatewayProfile, io: CliIo): Promise<Partial<GatewayProviderOptions>> {
  const prices = await createPriceStore({ dataDir });
  const usage = createUsageLog({ dataDir });
  const warn = (error: unknown) => io.err(`infill: warning: could not write the usage log: ${error instanceof Error ? error.message : String(error)}`);
  return { prices: prices.sheetFor(), onAnswered: (answer) => recordAnswer(usage, profile, answer, warn) };
}
