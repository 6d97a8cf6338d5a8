import { join } from 'node:path';
import { z } from 'zod';
import { InfillError } from '../../shared/errors.ts';
import { defaultGatewayLimits, gatewayLimitsSchema, type GatewayLimits, type ProfileDraft, type ProfileSaveWarning } from '../../shared/contract/schemas.ts';
import { gatewayProfileSchema, validateBaseUrl, type GatewayProfile } from '../../shared/gateway/profile.ts';
import { readTextIfExists, serialized, writeFileAtomic } from '../storage/atomic-file.ts';

/**
 * Gateway profiles in `profiles.json` in the data folder, rewritten atomically. No key in here:
 * keys live in the key store, by profile id.
 */

export interface StoredProfile extends GatewayProfile {
  persistInsecurely: boolean;
  limits: GatewayLimits;
}

export interface SavedProfile {
  profile: StoredProfile;
  /** The base URL is accepted but probably wrong (no /v1): say so, with the fix. */
  warning?: ProfileSaveWarning;
}

export interface ProfileStore {
  list(): StoredProfile[];
  get(id: string): StoredProfile | undefined;
  save(draft: ProfileDraft, options?: { persistInsecurely?: boolean }): Promise<SavedProfile>;
  remove(id: string): Promise<boolean>;
  /** Called after every change, so the provider list can be rebuilt. */
  onChange(listener: () => void): () => void;
}

const storedProfileSchema = gatewayProfileSchema
  .omit({ keyHint: true })
  .extend({ persistInsecurely: z.boolean().default(false), limits: gatewayLimitsSchema.default(defaultGatewayLimits) });
const profileFileSchema = z.object({ version: z.literal(1), profiles: z.array(storedProfileSchema) });

/** Checks the base URL as users get it wrong; an error carries the suggested fix in its message. */
export function checkedBaseUrl(input: string): { url: string; warning?: ProfileSaveWarning } {
  const check = validateBaseUrl(input);
  if (!check.ok) {
    throw new InfillError('INVALID_INPUT', check.suggestion ? `${check.error} Did you mean ${check.suggestion}?` : check.error);
  }
  return check.problem === 'noVersion' ? { url: check.url, warning: { kind: 'noVersion', suggestion: check.suggestion ?? check.url } } : { url: check.url };
}

/** "My Relay (CN)" → "my-relay-cn", unique among `taken`. */
export function profileIdFor(name: string, taken: ReadonlySet<string>): string {
  const base = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48) || 'gateway';
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  return id;
}

export async function createProfileStore(options: { dataDir: string }): Promise<ProfileStore> {
  const file = join(options.dataDir, 'profiles.json');
  const listeners = new Set<() => void>();
  const queue = serialized();
  let profiles: StoredProfile[] = [];

  const text = await readTextIfExists(file);
  if (text !== undefined) {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      raw = undefined;
    }
    const parsed = profileFileSchema.safeParse(raw);
    if (!parsed.success) {
      // Keep the damaged file for the person to recover by hand; start empty rather than not start.
      await writeFileAtomic(`${file}.damaged`, text);
    } else {
      profiles = parsed.data.profiles;
    }
  }

  const persist = async () => {
    await writeFileAtomic(file, `${JSON.stringify({ version: 1, profiles }, null, 2)}\n`);
    for (const listener of listeners) listener();
  };

  return {
    list: () => [...profiles],
    get: (id) => profiles.find((p) => p.id === id),

    save(draft, saveOptions = {}) {
      return queue(async () => {
        const { url, warning } = checkedBaseUrl(draft.baseUrl);
        const existing = draft.id ? profiles.find((p) => p.id === draft.id) : undefined;
        if (draft.id && !existing) throw new InfillError('NOT_FOUND', `There is no gateway profile “${draft.id}” any more.`);
        const id = existing?.id ?? profileIdFor(draft.name, new Set(profiles.map((p) => p.id)));
        const profile: StoredProfile = {
          id,
          name: draft.name.trim(),
          baseUrl: url,
          protocol: draft.protocol,
          model: draft.model.trim(),
          ...(draft.visionModel?.trim() ? { visionModel: draft.visionModel.trim(), visionProtocol: draft.visionProtocol ?? 'openai-chat' } : {}),
          persistInsecurely: saveOptions.persistInsecurely ?? existing?.persistInsecurely ?? false,
          limits: draft.limits ?? existing?.limits ?? defaultGatewayLimits,
        };
        const parsed = storedProfileSchema.safeParse(profile);
        if (!parsed.success) throw new InfillError('INVALID_INPUT', parsed.error.issues[0]?.message ?? 'Invalid profile');
        profiles = existing ? profiles.map((p) => (p.id === id ? profile : p)) : [...profiles, profile];
        await persist();
        return warning ? { profile, warning } : { profile };
      });
    },

    remove(id) {
      return queue(async () => {
        const before = profiles.length;
        profiles = profiles.filter((p) => p.id !== id);
        if (profiles.length === before) return false;
        await persist();
        return true;
      });
    },

    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
