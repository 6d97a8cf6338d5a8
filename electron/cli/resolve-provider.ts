import { createGatewayProvider } from '../gateways/index.ts';
import type { Provider } from '../jobs/provider.ts';
import type { FillEngine, ProviderSelection } from './args.ts';
import { gatewayTargetFromFlags, savedProfileUnavailable, type GatewayTarget } from './gateway-target.ts';

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

export function resolveProvider(selection: ProviderSelection, env: NodeJS.ProcessEnv): ResolvedProvider {
  if (selection.kind === 'offline') return { providerId: offlineIds[selection.engine] };
  if (selection.kind === 'profile') savedProfileUnavailable(selection.name);
  const target = gatewayTargetFromFlags(selection.flags, env);
  // The key is read per job and never stored in the provider (as in the app).
  const gateway = createGatewayProvider(target.profile, async () => target.apiKey);
  return { providerId: gateway.info.id, gateway, target };
}
