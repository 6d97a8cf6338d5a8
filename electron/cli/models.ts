import { InfillError } from '../../shared/errors.ts';
import { checkGatewayConnection } from '../gateways/index.ts';
import { parse, str } from './args.ts';
import type { CommandContext } from './command-context.ts';
import { UsageError } from './exit-codes.ts';
import { gatewayTargetFromFlags, type GatewayTarget } from './gateway-target.ts';
import { savedGatewayTarget } from './saved-profiles.ts';

export const modelsOptions = { 'base-url': { type: 'string' }, protocol: { type: 'string' }, 'data-dir': { type: 'string' } } as const;

/**
 * `infill models --base-url URL | PROFILE`: `GET {base}/models`, one id per line on stdout —
 * the settings dialog's "Test connection", with the same key handling and error messages.
 */
export async function modelsCommand(argv: readonly string[], ctx: CommandContext): Promise<void> {
  const { values, positionals } = parse(argv, modelsOptions);
  const baseUrl = str(values, 'base-url');
  if (positionals.length > 1) throw new UsageError('models takes one PROFILE name at most.');
  const profileName = positionals[0];
  if (profileName !== undefined && baseUrl !== undefined) throw new UsageError('Give either a PROFILE name or --base-url URL, not both.');
  if (profileName === undefined && baseUrl === undefined) throw new UsageError('models needs --base-url URL or a saved PROFILE name.');
  let target: GatewayTarget;
  if (profileName !== undefined) {
    target = await savedGatewayTarget(profileName, str(values, 'data-dir'), ctx.env);
  } else {
    // The model does not matter to GET /models; a placeholder keeps the profile valid.
    target = gatewayTargetFromFlags({ baseUrl, protocol: str(values, 'protocol'), model: 'models' }, ctx.env);
  }
  ctx.io.protect(target.apiKey);
  for (const warning of target.warnings) ctx.io.err(`infill: warning: ${warning}`);
  const result = await checkGatewayConnection(target.profile, target.apiKey, ctx.signal);
  if (!result.ok) throw new InfillError(result.error.code, result.error.message, result.error.params);
  if (result.models.length === 0) ctx.io.err(`infill: ${target.profile.name} lists no models.`);
  for (const id of result.models) ctx.io.out(id);
}
