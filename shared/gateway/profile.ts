import { z } from 'zod';

/**
 * A gateway profile: where Infill sends a job and how it speaks to that host. The key itself
 * never lives here (main keeps it encrypted); `keyHint` is what the UI may show ("…3f9a").
 */
export const gatewayProtocols = ['openai-images', 'chat-image', 'json-relay'] as const;
export const gatewayProtocolSchema = z.enum(gatewayProtocols);
export type GatewayProtocol = z.infer<typeof gatewayProtocolSchema>;

/**
 * How a profile's vision chat model is spoken to (prompt help): OpenAI chat completions, or
 * Anthropic's Messages API, which relays expose for Claude at the same base URL.
 */
export const visionProtocols = ['openai-chat', 'anthropic'] as const;
export const visionProtocolSchema = z.enum(visionProtocols);
export type VisionProtocol = z.infer<typeof visionProtocolSchema>;

export const gatewayProfileSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'Expected a lowercase id'),
  name: z.string().min(1).max(80),
  baseUrl: z.string().url(),
  protocol: gatewayProtocolSchema,
  model: z.string().min(1).max(200),
  keyHint: z.string().max(16).optional(),
  /** A chat model that reads images, for prompt help; none means no prompt help from this profile. */
  visionModel: z.string().min(1).max(200).optional(),
  visionProtocol: visionProtocolSchema.optional(),
});
export type GatewayProfile = z.infer<typeof gatewayProfileSchema>;

export const gatewayPresetIds = ['openai', 'openrouter', 'litellm-local', 'custom'] as const;
export type GatewayPresetId = (typeof gatewayPresetIds)[number];

/** Starting points in the "add gateway" dialog; every field stays editable. */
export const gatewayPresets: Record<GatewayPresetId, GatewayProfile> = {
  openai: {
    id: 'openai',
    name: 'OpenAI',
    baseUrl: 'https://api.openai.com/v1',
    protocol: 'openai-images',
    model: 'gpt-image-1',
  },
  openrouter: {
    id: 'openrouter',
    name: 'OpenRouter',
    baseUrl: 'https://openrouter.ai/api/v1',
    protocol: 'chat-image',
    model: 'google/gemini-2.5-flash-image',
  },
  'litellm-local': {
    id: 'litellm-local',
    name: 'Local LiteLLM',
    baseUrl: 'http://localhost:4000/v1',
    protocol: 'openai-images',
    model: 'gpt-image-1',
  },
  custom: {
    id: 'custom',
    name: 'Custom relay',
    baseUrl: 'https://relay.example.com/v1',
    protocol: 'openai-images',
    model: 'gpt-image-1',
  },
};

/** What is wrong with a base URL, for the renderer to word; `error`/`warning` are the English. */
export type BaseUrlProblem = 'noScheme' | 'invalid' | 'scheme' | 'credentials' | 'query' | 'plainHttp' | 'endpoint' | 'noVersion';

export type BaseUrlCheck =
  | { ok: true; url: string; warning?: string; problem?: 'noVersion'; suggestion?: string }
  | { ok: false; error: string; problem: BaseUrlProblem; scheme?: string; suggestion?: string };

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
  return loopbackHosts.has(hostname.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/**
 * Checks a base URL the way users get it wrong: plain http to a remote host (the key would
 * travel in clear text), and a missing `/v1` (the most common cause of 401/404 from relays,
 * which route `/images/edits` without the version prefix to their web app or auth wall).
 * Returns the normalized URL (no trailing slash) and, where it can, a fix to offer.
 */
interface ParsedUrl {
  protocol: string;
  userinfo: string;
  host: string;
  hostname: string;
  pathname: string;
  rest: string;
}

/** shared/ has no DOM or node types, so no `URL`: a strict RFC 3986 split is all we need here. */
function parseUrl(input: string): ParsedUrl | undefined {
  const m = /^([a-z][a-z0-9+.-]*):\/\/(?:([^@/?#]*)@)?([^/?#]*)([^?#]*)([?#].*)?$/i.exec(input);
  if (!m) return undefined;
  const host = (m[3] ?? '').toLowerCase();
  const hostMatch = /^(\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*)(?::(\d{1,5}))?$/.exec(host);
  if (!hostMatch) return undefined;
  return {
    protocol: `${(m[1] ?? '').toLowerCase()}:`,
    userinfo: m[2] ?? '',
    host,
    hostname: hostMatch[1] ?? '',
    pathname: m[4] ?? '',
    rest: m[5] ?? '',
  };
}

/**
 * Checks a base URL the way users get it wrong: plain http to a remote host (the key would
 * travel in clear text), and a missing `/v1` (the most common cause of 401/404 from relays,
 * which route `/images/edits` without the version prefix to their web app or auth wall).
 * Returns the normalized URL (no trailing slash) and, where it can, a fix to offer.
 */
export function validateBaseUrl(input: string): BaseUrlCheck {
  const trimmed = input.trim();
  const url = parseUrl(trimmed);
  if (!url) {
    const fixable = /^[a-z0-9.-]+\.[a-z]{2,}(:\d+)?(\/.*)?$/i.test(trimmed);
    return fixable
      ? { ok: false, error: 'The base URL needs a scheme (https://).', problem: 'noScheme', suggestion: `https://${trimmed.replace(/\/+$/, '')}` }
      : { ok: false, error: 'The base URL is not a valid URL.', problem: 'invalid' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, error: `The base URL must use https:// (got ${url.protocol}//).`, problem: 'scheme', scheme: `${url.protocol}//` };
  }
  if (url.userinfo) {
    return { ok: false, error: 'Put the API key in the key field, not in the URL.', problem: 'credentials' };
  }
  if (url.rest) {
    return { ok: false, error: 'The base URL must not have a query string or fragment.', problem: 'query' };
  }
  const loopback = isLoopbackHost(url.hostname);
  const path = url.pathname.replace(/\/+$/, '');
  const normalized = `${url.protocol}//${url.host}${path}`;
  if (url.protocol === 'http:' && !loopback) {
    return {
      ok: false,
      error: 'Plain http:// would send the API key unencrypted; use https:// (http is only allowed for localhost).',
      problem: 'plainHttp',
      suggestion: `https://${url.host}${path}`,
    };
  }
  // Users paste the endpoint itself ("…/v1/images/edits"); keep everything up to the version.
  const endpoint = /^(.*\/v\d+)\/(images|chat|models|completions)(\/.*)?$/.exec(path);
  if (endpoint) {
    const base = `${url.protocol}//${url.host}${endpoint[1] ?? ''}`;
    return { ok: false, error: 'This is an endpoint URL; the base URL stops before /images or /chat.', problem: 'endpoint', suggestion: base };
  }
  if (!/\/v\d+(beta)?$/.test(path)) {
    return {
      ok: true,
      url: normalized,
      warning: 'OpenAI-compatible base URLs usually end in /v1; without it most relays answer 401 or 404.',
      problem: 'noVersion',
      suggestion: `${normalized}/v1`,
    };
  }
  return { ok: true, url: normalized };
}

/** Joins the base URL and an endpoint path ("/images/edits") the way the SDK does. */
export function endpointUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
