import { InfillError } from '../../shared/errors.ts';
import { createGatewayProvider } from '../gateways/index.ts';
import type { Provider } from '../jobs/provider.ts';
import { createGatewaySettings } from '../profiles/gateway-settings.ts';
import type { FillEngine, ProviderSelection } from './args.ts';
import type { CliIo } from './cli-io.ts';
import { gatewayTargetFromFlags, type GatewayTarget } from './gateway-target.ts';
import { savedGatewayTarget } from './saved-profiles.ts';

/** The provider a job command runs, by the app's provider ids. */
export interface ResolvedProvider {
  providerId: string;
  /** The gateway provider to register, when the job goes to one. */
  gateway?: Provider;
  target?: GatewayTarget;
}

/** The offline providers' ids (electron/jobs/offline-provider.ts), by --engine. */
const offlineIds: Record<FillEngine, string> = {
  auto: 'offline-auto',
  smooth: 'offline-smooth',
  'content-aware': 'offline-content-aware',
};

export async function resolveProvider(selection: ProviderSelection, env: NodeJS.ProcessEnv, io: CliIo): Promise<ResolvedProvider> {
  if (selection.kind === 'offline') return { providerId: offlineIds[selection.engine] };
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
  // The key is read per job and never stored in the provider (as in the app).
  const gateway = createGatewayProvider(target.profile, async () => target.apiKey);
  return { providerId: gateway.info.id, gateway, target };
}
