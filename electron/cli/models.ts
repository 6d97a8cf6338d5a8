import { InfillError } from '../../shared/errors.ts';
import { checkGatewayConnection } from '../gateways/index.ts';
import { parse, str } from './args.ts';
import type { CommandContext } from './command-context.ts';
import { UsageError } from './exit-codes.ts';
import { gatewayTargetFromFlags, savedProfileUnavailable } from './gateway-target.ts';

export const modelsOptions = { 'base-url': { type: 'string' }, protocol: { type: 'string' } } as const;

/**
 * `infill models --base-url URL | PROFILE`: `GET {base}/models`, one id per line on stdout —
 * the settings dialog's "Test connection", with the same key handling and error messages.
 */
export async function modelsCommand(argv: readonly string[], ctx: CommandContext): Promise<void> {
  const { values, positionals } = parse(argv, modelsOptions);
  const baseUrl = str(values, 'base-url');
  if (positionals.length > 1) throw new UsageError('models takes one PROFILE name at most.');
  if (positionals.length === 1) {
    if (baseUrl !== undefined) throw new UsageError('Give either a PROFILE name or --base-url URL, not both.');
    savedProfileUnavailable(positionals[0]!);
  }
  if (baseUrl === undefined) throw new UsageError('models needs --base-url URL (e.g. http://localhost:4000/v1).');
  // The model does not matter to GET /models; a placeholder keeps the profile valid.
  const target = gatewayTargetFromFlags({ baseUrl, protocol: str(values, 'protocol'), model: 'models' }, ctx.env);
  for (const warning of target.warnings) ctx.io.err(`infill: warning: ${warning}`);
  const result = await checkGatewayConnection(target.profile, target.apiKey, ctx.signal);
  if (!result.ok) throw new InfillError(result.error.code, result.error.message);
  if (result.models.length === 0) ctx.io.err(`infill: ${target.profile.name} lists no models.`);
  for (const id of result.models) ctx.io.out(id);
}
