import type { GatewayLimits } from '../../shared/contract/schemas.ts';
import type { GatewayProfile } from '../../shared/gateway/profile.ts';
import type { PriceSheet } from '../../shared/gateway/prices.ts';
import { createGatewayProvider, defaultCallOptions, type GatewayAnswer, type GatewayCallOptions, type GatewayProviderOptions } from '../gateways/index.ts';
import type { Provider } from '../jobs/provider.ts';
import type { KeyStore } from '../keys/key-store.ts';
import type { UsageLog } from '../usage/usage-log.ts';
import type { StoredProfile } from './profile-store.ts';

/**
 * Each saved profile as a Provider for the job runner. Built lazily and rebuilt when the
 * profiles or the price sheets change (the provider prices its answers with its gateway's sheet
 * as it was when built); the key is fetched per job, so a new key applies to the next job. Every answer
 * goes to the usage log.
 */
export interface GatewayProviders {
  list(): Provider[];
  /** Forget the built providers; the next `list` builds them from the current profiles and prices. */
  invalidate(): void;
}

export function createGatewayProviders(deps: {
  profiles: () => readonly StoredProfile[];
  /** The sheet a profile's answers are priced with (its own, else the default). */
  prices: (profileId: string) => PriceSheet;
  keys: KeyStore;
  usage: UsageLog;
  /** Tests: faster retries, shorter timeouts. */
  overrides?: Partial<GatewayProviderOptions>;
  onUsageError?: (error: unknown) => void;
}): GatewayProviders {
  let built: Provider[] | undefined;
  return {
    list() {
      built ??= deps.profiles().map((stored) => {
        const { persistInsecurely: _persist, limits, ...profile } = stored;
        return createGatewayProvider(profile, () => deps.keys.get(profile.id), {
          ...deps.overrides,
          call: callOptionsFor(limits, deps.overrides?.call),
          partialImages: deps.overrides?.partialImages ?? partialImagesFor(profile),
          prices: deps.prices(profile.id),
          onAnswered: (answer) => recordAnswer(deps.usage, profile, answer, deps.onUsageError),
        });
      });
      return built;
    },
    invalidate() {
      built = undefined;
    },
  };
}

let usageCounter = 0;

/**
 * Logs what a request cost as soon as the gateway answers: the relay bills for all n images
 * whether or not the person keeps them, and even when the job is cancelled afterwards. Also
 * used by the CLI for its ad-hoc --base-url jobs.
 */
export function recordAnswer(usage: UsageLog, profile: GatewayProfile, answer: GatewayAnswer, onError: (error: unknown) => void = () => undefined): Promise<void> {
  usageCounter += 1;
  // Returned so a process about to exit (the CLI) can wait for the line to be on disk.
  return usage
    .record({
      at: new Date().toISOString(),
      jobId: `${Date.now().toString(36)}-${usageCounter}`,
      providerId: `gateway:${profile.id}`,
      gatewayName: profile.name,
      model: answer.model,
      images: answer.images,
      ...(answer.cost === undefined ? {} : { cost: answer.cost }),
    })
    .catch(onError);
}

/** A profile's limits as the gateway layer's call options; one attempt never outlasts the whole job. */
export function callOptionsFor(limits: GatewayLimits, base: GatewayCallOptions = defaultCallOptions): GatewayCallOptions {
  const totalTimeoutMs = limits.totalTimeoutS * 1000;
  return {
    ...base,
    maxRetries: limits.maxRetries,
    connectTimeoutMs: limits.connectTimeoutS * 1000,
    totalTimeoutMs,
    requestTimeoutMs: Math.min(base.requestTimeoutMs, totalTimeoutMs),
    rateLimits: { maxConcurrent: limits.maxConcurrent, requestsPerMinute: limits.requestsPerMinute },
  };
}

/**
 * OpenAI's own API streams partial images of GPT image edits, so the person watches the fill
 * take shape. Relays differ in whether they pass `stream` through, and one that does not would
 * fail the whole job, so elsewhere the answer comes in one piece.
 */
export function partialImagesFor(profile: Pick<GatewayProfile, 'protocol' | 'baseUrl'>): number {
  return profile.protocol === 'openai-images' && /^https:\/\/api\.openai\.com\//.test(profile.baseUrl) ? 2 : 0;
}
