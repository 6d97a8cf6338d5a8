import type { Handlers } from '../ipc/dispatch.ts';
import type { GatewayProviderOptions } from '../gateways/index.ts';
import type { Provider } from '../jobs/provider.ts';
import { createKeyStore, type SafeStorageLike } from '../keys/key-store.ts';
import { createPriceStore } from '../usage/price-store.ts';
import { createUsageHandlers } from '../usage/usage-handlers.ts';
import { createUsageLog } from '../usage/usage-log.ts';
import type { EventSink } from '../../shared/contract/events.ts';
import { createVisionService, type VisionService } from '../gateways/vision/vision-service.ts';
import type { AssetStore } from '../services/asset-store.ts';
import { callOptionsFor, createGatewayProviders, recordAnswer } from './gateway-providers.ts';
import { createProfileHandlers } from './profile-handlers.ts';
import { createProfileStore } from './profile-store.ts';

/** Channels served by the settings modules (gateway profiles, prices and usage), not by create-handlers. */
export type SettingsHandlers = Pick<Handlers, 'listProfiles' | 'saveProfile' | 'deleteProfile' | 'testConnection' | 'getPrices' | 'savePrices' | 'getUsage'>;

/**
 * Everything the app needs to use gateways: saved profiles, their keys, the price table and the
 * usage log, as channel handlers plus the providers they produce for the job runner.
 */
export interface GatewaySettings {
  handlers: SettingsHandlers;
  /** The saved profiles as providers, current as of the last change. */
  providers(): readonly Provider[];
  /** Prompt help from the profiles' vision models, with the same keys, limits, prices and usage log. */
  createVision(deps: { assets: Pick<AssetStore, 'readRgba'>; emit: EventSink }): VisionService;
}

export interface GatewaySettingsOptions {
  dataDir: string;
  /** Electron's safeStorage; absent in the browser bridge (keys are then session-only by default). */
  safeStorage?: SafeStorageLike;
  /** INFILL_API_KEY: used by every profile that has no key of its own. */
  environmentKey?: string;
  providerOverrides?: Partial<GatewayProviderOptions>;
}

export async function createGatewaySettings(options: GatewaySettingsOptions): Promise<GatewaySettings> {
  const { dataDir } = options;
  const [keys, profiles, prices] = await Promise.all([
    createKeyStore({ dataDir, ...(options.safeStorage ? { safeStorage: options.safeStorage } : {}), ...(options.environmentKey ? { environmentKey: options.environmentKey } : {}) }),
    createProfileStore({ dataDir }),
    createPriceStore({ dataDir }),
  ]);
  const usage = createUsageLog({ dataDir });
  const gateways = createGatewayProviders({
    profiles: () => profiles.list(),
    prices: (profileId) => prices.sheetFor(profileId),
    keys,
    usage,
    ...(options.providerOverrides ? { overrides: options.providerOverrides } : {}),
    // Never log the entry: a failed append says only why.
    onUsageError: (error) => console.error(`[infill] could not write the usage log: ${error instanceof Error ? error.message : String(error)}`),
  });
  profiles.onChange(() => gateways.invalidate());
  prices.onChange(() => gateways.invalidate());
  return {
    handlers: { ...createProfileHandlers({ profiles, keys }), ...createUsageHandlers({ prices, usage }) },
    providers: () => gateways.list(),
    createVision: ({ assets, emit }) =>
      createVisionService({
        profiles: () =>
          profiles.list().map(({ persistInsecurely: _persist, limits, ...profile }) => ({ ...profile, callOptions: callOptionsFor(limits, options.providerOverrides?.call) })),
        getKey: (id) => keys.get(id),
        prices: (profileId) => prices.sheetFor(profileId),
        assets,
        emit,
        onBilled: (profile, model, cost) => recordAnswer(usage, profile, { profileId: profile.id, model, images: 0, uploadBytes: 0, ...(cost === undefined ? {} : { cost }) }),
      }),
  };
}
