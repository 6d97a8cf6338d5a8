import { createGatewayProvider } from '../gateways/index.ts';
import type { Provider } from '../jobs/provider.ts';
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
  const target = selection.kind === 'profile' ? await savedGatewayTarget(selection.name, selection.dataDir, env) : gatewayTargetFromFlags(selection.flags, env);
  io.protect(target.apiKey);
  for (const warning of target.warnings) io.err(`infill: warning: ${warning}`);
  // The key is read per job and never stored in the provider (as in the app).
  const gateway = createGatewayProvider(target.profile, async () => target.apiKey);
  return { providerId: gateway.info.id, gateway, target };
}
