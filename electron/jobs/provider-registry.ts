import type { ProviderInfo } from '../../shared/contract/schemas.ts';
import { InfillError } from '../../shared/errors.ts';
import type { Provider } from './provider.ts';

export interface ProviderRegistry {
  list(): ProviderInfo[];
  get(id: string): Provider;
  /** The provider a new document starts with: the first gateway if one is configured, else offline. */
  defaultId(): string;
}

export function createProviderRegistry(providers: () => readonly Provider[]): ProviderRegistry {
  return {
    list: () => providers().map((p) => p.info),
    get(id) {
      const provider = providers().find((p) => p.info.id === id);
      if (!provider) throw new InfillError('PROVIDER_UNAVAILABLE', `The provider “${id}” is not available.`);
      return provider;
    },
    defaultId() {
      const all = providers();
      const first = all.find((p) => p.info.kind === 'gateway') ?? all[0];
      if (!first) throw new InfillError('PROVIDER_UNAVAILABLE', 'No provider is available.');
      return first.info.id;
    },
  };
}
