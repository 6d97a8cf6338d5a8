import { toErrorInfo } from '../../shared/errors.ts';
import type { ErrorInfo } from '../../shared/errors.ts';
import type { GatewayProfile } from '../../shared/gateway/profile.ts';
import { adapterFor } from './adapters/index.ts';
import { defaultCallOptions, openGatewaySession } from './gateway-session.ts';
import type { GatewayCallOptions } from './gateway-session.ts';

/** The gateway layer's public face for the rest of main (job wiring, settings handlers). */

export { createGatewayProvider, defaultGatewayProviderOptions, DEFAULT_FILL_PROMPT } from './gateway-provider.ts';
export type { GatewayAnswer, GatewayProviderOptions } from './gateway-provider.ts';
export { defaultCallOptions } from './gateway-session.ts';
export type { GatewayCallOptions } from './gateway-session.ts';
export { rateLimiterFor, defaultRateLimits } from './rate-limiter.ts';
export type { RateLimits } from './rate-limiter.ts';
export { redactSecrets } from './errors.ts';

export type ConnectionCheck = { ok: true; models: string[]; modelListed: boolean } | { ok: false; error: ErrorInfo };

/**
 * The settings dialog's "Test connection": `GET {base}/models` with the same key handling,
 * timeouts and error messages as a job, so a wrong key or a missing /v1 shows up before a job.
 */
export async function checkGatewayConnection(
  profile: GatewayProfile,
  apiKey: string | undefined,
  signal: AbortSignal,
  options: GatewayCallOptions = { ...defaultCallOptions, maxRetries: 0, totalTimeoutMs: 20_000, requestTimeoutMs: 15_000 },
): Promise<ConnectionCheck> {
  const session = openGatewaySession(profile, apiKey, options, signal, () => undefined);
  try {
    const models = await adapterFor(profile.protocol).listModels(session.ctx);
    return { ok: true, models, modelListed: models.includes(profile.model) };
  } catch (error) {
    return { ok: false, error: toErrorInfo(session.toError(error, '/models')) };
  } finally {
    session.dispose();
  }
}
