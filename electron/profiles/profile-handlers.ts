import type { ProfileDraft, ProfileView } from '../../shared/contract/schemas.ts';
import { InfillError } from '../../shared/errors.ts';
import { endpointUrl, gatewayPresets } from '../../shared/gateway/profile.ts';
import { checkGatewayConnection, redactSecrets } from '../gateways/index.ts';
import type { Handlers } from '../ipc/dispatch.ts';
import type { KeyStore } from '../keys/key-store.ts';
import { checkedBaseUrl, type ProfileStore, type StoredProfile } from './profile-store.ts';

/** The settings dialog's channels. Keys go in (saveProfile, testConnection) and only a status comes out. */

type ProfileHandlers = Pick<Handlers, 'listProfiles' | 'saveProfile' | 'deleteProfile' | 'testConnection'>;

export function profileView(profile: StoredProfile, keys: KeyStore): ProfileView {
  return { ...profile, keyStatus: keys.status(profile.id) };
}

/** Aborts a connection test the person has given up on (a second click, closing the dialog). */
const CONNECTION_TEST_TIMEOUT_MS = 25_000;

export function createProfileHandlers(deps: { profiles: ProfileStore; keys: KeyStore }): ProfileHandlers {
  const { profiles, keys } = deps;

  /**
   * A key only ever goes to a host the person chose: a saved profile's own key, or
   * INFILL_API_KEY, reaches only that profile's saved host. Testing a new profile or an edited
   * URL on another host sends only a key typed for it, so nothing that can call this channel can
   * send a stored or environment key somewhere else.
   */
  async function keyFor(draft: ProfileDraft, url: string, typed: string | undefined): Promise<string | undefined> {
    const key = typed?.trim();
    if (key) return key;
    const saved = draft.id ? profiles.get(draft.id) : undefined;
    return saved && originOf(saved.baseUrl) === originOf(url) ? keys.get(saved.id) : undefined;
  }

  return {
    listProfiles: async () => ({
      profiles: profiles.list().map((p) => profileView(p, keys)),
      presets: Object.values(gatewayPresets),
      keyStorage: keys.storage(),
    }),

    async saveProfile({ profile: draft, apiKey, clearKey, persistInsecurely }) {
      const before = draft.id ? profiles.get(draft.id) : undefined;
      const { profile, warning } = await profiles.save(draft, persistInsecurely === undefined ? {} : { persistInsecurely });
      const key = apiKey?.trim();
      const hostChanged = before !== undefined && originOf(before.baseUrl) !== originOf(profile.baseUrl);
      const ownKey = ['session', 'stored', 'stored-insecure', 'unreadable'].includes(keys.status(profile.id).state);
      if (hostChanged && !key && !clearKey && ownKey) {
        // The stored key was entered for the old host: never send it to the new one.
        await keys.remove(profile.id);
        const dropped = { kind: 'keyRemovedHostChanged' as const, from: originOf(before.baseUrl), to: originOf(profile.baseUrl) };
        return { profile: profileView(profile, keys), warnings: warning ? [warning, dropped] : [dropped] };
      }
      if (clearKey) await keys.remove(profile.id);
      else if (key) await keys.set(profile.id, key, { persistInsecurely: profile.persistInsecurely });
      else {
        // The opt-in changed without a new key: move the key the store already has.
        const state = keys.status(profile.id).state;
        const move = (profile.persistInsecurely && state === 'session') || (!profile.persistInsecurely && state === 'stored-insecure');
        const current = move ? await keys.get(profile.id) : undefined;
        if (current) await keys.set(profile.id, current, { persistInsecurely: profile.persistInsecurely });
      }
      return { profile: profileView(profile, keys), warnings: warning ? [warning] : [] };
    },

    async deleteProfile({ id }) {
      const deleted = await profiles.remove(id);
      await keys.remove(id);
      return { deleted };
    },

    async testConnection({ profile: draft, apiKey }) {
      const { url } = checkedBaseUrl(draft.baseUrl);
      const key = await keyFor(draft, url, apiKey);
      const profile = { id: draft.id ?? 'connection-test', name: draft.name, baseUrl: url, protocol: draft.protocol, model: draft.model };
      const signal = AbortSignal.timeout(CONNECTION_TEST_TIMEOUT_MS);
      const check = await checkGatewayConnection(profile, key, signal);
      if (!check.ok) throw new InfillError(check.error.code, redactSecrets(check.error.message, key), check.error.params);
      const vision = draft.visionModel?.trim();
      return {
        models: check.models,
        modelListed: check.modelListed,
        url: endpointUrl(url, '/models'),
        ...(vision ? { visionModelListed: check.models.includes(vision) } : {}),
      };
    },
  };
}

/** "https://Relay.example.com:443/v1" → "https://relay.example.com:443": what a key is tied to. */
export function originOf(url: string): string {
  return (/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(url)?.[0] ?? url).toLowerCase();
}
