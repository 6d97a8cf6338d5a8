import type { FillEngine, ProviderSelection } from './args.ts';
import type { CliIo } from './cli-io.ts';
import type { ResolvedProvider } from './resolve-gateway.ts';

export type { ResolvedProvider };

/** The offline providers' ids (electron/jobs/offline-provider.ts), by --engine. */
const offlineIds: Record<FillEngine, string> = {
  auto: 'offline-auto',
  smooth: 'offline-smooth',
  'content-aware': 'offline-content-aware',
};

export async function resolveProvider(selection: ProviderSelection, env: NodeJS.ProcessEnv, io: CliIo): Promise<ResolvedProvider> {
  if (selection.kind === 'offline') return { providerId: offlineIds[selection.engine] };
  const { resolveGateway } = await import('./resolve-gateway.ts');
  return resolveGateway(selection, env, io);
}
