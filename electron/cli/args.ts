import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './exit-codes.ts';
import type { GatewayFlags } from './gateway-target.ts';

/**
 * Command-line parsing on node:util's parseArgs (strict: unknown flags are errors, not
 * silently ignored — a mistyped --mask-alpha must not run a paid job with the wrong mask).
 */

type Options = NonNullable<ParseArgsConfig['options']>;
export type Values = Record<string, string | boolean | undefined>;

/** Flags every job command shares (inpaint, outpaint, batch). */
export const jobOptions = {
  prompt: { type: 'string' },
  provider: { type: 'string' },
  engine: { type: 'string' },
  'base-url': { type: 'string' },
  protocol: { type: 'string' },
  model: { type: 'string' },
  n: { type: 'string' },
  seed: { type: 'string' },
  quality: { type: 'string' },
  'strip-metadata': { type: 'boolean' },
  'data-dir': { type: 'string' },
  verbose: { type: 'boolean', short: 'v' },
} as const satisfies Options;

/**
 * `--left -50`: parseArgs takes "-50" for a flag and calls the value ambiguous. A string flag
 * followed by a negative number gets it as its value (`--left=-50`), so the range check can
 * say what is wrong with it.
 */
function attachNegativeValues(argv: readonly string[], options: Options): string[] {
  const longName = (arg: string): string | undefined => {
    if (arg.startsWith('--') && !arg.includes('=')) return arg.slice(2);
    if (/^-[a-zA-Z]$/.test(arg)) return Object.entries(options).find(([, o]) => o.short === arg[1])?.[0];
    return undefined;
  };
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const name = longName(argv[i]!);
    const next = argv[i + 1];
    if (name && options[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`--${name}=${next}`);
      i++;
    } else out.push(argv[i]!);
  }
  return out;
}

export function parse(argv: readonly string[], options: Options): { values: Values; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: attachNegativeValues(argv, options), options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    return { values: values as Values, positionals };
  } catch (error) {
    // parseArgs' messages name the flag and say what is wrong; keep their first sentence.
    const message = error instanceof Error ? error.message.split('. ')[0]! : String(error);
    throw new UsageError(message.replace(/^Unknown option/, 'Unknown option'));
  }
}

export function str(values: Values, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

export function int(values: Values, name: string, min: number, max: number): number | undefined {
  const raw = str(values, name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got “${raw}”).`);
  }
  return value;
}

export function size(values: Values, name = 'size'): { width: number; height: number } | undefined {
  const raw = str(values, name);
  if (raw === undefined) return undefined;
  const m = /^(\d{1,5})[x×](\d{1,5})$/i.exec(raw.trim());
  const width = Number(m?.[1]);
  const height = Number(m?.[2]);
  if (!m || width < 1 || height < 1 || width > 30_000 || height > 30_000) {
    throw new UsageError(`--${name} must be WIDTHxHEIGHT in pixels, e.g. 1024x1024 (got “${raw}”).`);
  }
  return { width, height };
}

export const fillEngines = ['auto', 'smooth', 'content-aware'] as const;
export type FillEngine = (typeof fillEngines)[number];

export type ProviderSelection =
  | { kind: 'offline'; engine: FillEngine }
  /** `dataDir`: where the app's usage log is, if not found as for saved profiles. */
  | { kind: 'gateway'; flags: GatewayFlags; dataDir: string | undefined }
  | { kind: 'profile'; name: string; dataDir: string | undefined };

/**
 * Offline unless a gateway is named: `--base-url` (ad hoc) or `--provider NAME` (a saved
 * profile). Flags that only make sense for the other kind are refused rather than ignored.
 */
export function providerSelection(values: Values): ProviderSelection {
  const provider = str(values, 'provider');
  const baseUrl = str(values, 'base-url');
  const engine = str(values, 'engine');
  const gatewayOnly = (['protocol', 'model'] as const).filter((flag) => str(values, flag) !== undefined);
  if (provider === 'offline' || (provider === undefined && baseUrl === undefined)) {
    if (baseUrl !== undefined) throw new UsageError('--base-url sends the job to a gateway; drop --provider offline, or drop --base-url.');
    if (gatewayOnly.length > 0) throw new UsageError(`--${gatewayOnly[0]} applies to a gateway; add --base-url URL.`);
    if (engine !== undefined && !(fillEngines as readonly string[]).includes(engine)) {
      throw new UsageError(`--engine must be one of ${fillEngines.join(', ')} (got “${engine}”).`);
    }
    return { kind: 'offline', engine: (engine as FillEngine | undefined) ?? 'auto' };
  }
  if (engine !== undefined) throw new UsageError('--engine chooses an offline engine; it does not apply to a gateway.');
  if (provider !== undefined && baseUrl !== undefined) throw new UsageError('Give either --provider NAME or --base-url URL, not both.');
  if (provider !== undefined) return { kind: 'profile', name: provider, dataDir: str(values, 'data-dir') };
  return { kind: 'gateway', flags: { baseUrl, protocol: str(values, 'protocol'), model: str(values, 'model') }, dataDir: str(values, 'data-dir') };
}

export interface JobSettings {
  prompt: string;
  n: number;
  seed: number | undefined;
  quality: number;
  /** Leave the prompt, provider, model and seed out of the written file. */
  stripMetadata: boolean;
  verbose: boolean;
  provider: ProviderSelection;
  /** Said on stderr before the job: flags that are accepted but have no effect here. */
  warnings: string[];
}

export function jobSettings(values: Values): JobSettings {
  const provider = providerSelection(values);
  const prompt = str(values, 'prompt') ?? '';
  const warnings = provider.kind === 'offline' && prompt.trim() ? ['the offline engines fill from the picture itself and ignore --prompt.'] : [];
  return {
    prompt,
    n: int(values, 'n', 1, 10) ?? 1,
    seed: int(values, 'seed', 0, 2 ** 31 - 1),
    quality: int(values, 'quality', 1, 100) ?? 92,
    stripMetadata: values['strip-metadata'] === true,
    verbose: values.verbose === true,
    provider,
    warnings,
  };
}
