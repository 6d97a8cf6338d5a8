import type { StateCreator } from 'zustand';
import type { ProviderInfo } from '../../shared/contract/schemas.ts';
import type { AppState, JobSlice, Tool } from './app-state.ts';

export const createJobSlice: StateCreator<AppState, [], [], JobSlice> = (set) => ({
  providers: [],
  providerId: '',
  prompt: '',
  activeJob: undefined,
  estimate: undefined,
  setProviders: (providers, defaultId) => set((state) => ({ providers, providerId: defaultId, tool: toolFor(state.tool, providers, defaultId) })),
  setProviderId: (providerId) => set((state) => ({ providerId, tool: toolFor(state.tool, state.providers, providerId) })),
  setPrompt: (prompt) => set({ prompt }),
  setActiveJob: (activeJob) => set({ activeJob }),
  setEstimate: (estimate) => set({ estimate }),
});

/** The settings a provider takes beyond the prompt (none for an unknown id). */
export function providerTuning(providers: readonly ProviderInfo[], providerId: string): NonNullable<ProviderInfo['tuning']> {
  return providers.find((p) => p.id === providerId)?.tuning ?? [];
}

/** The exclusion brush means nothing to a provider that ignores it: back to the brush then. */
function toolFor(tool: Tool, providers: readonly ProviderInfo[], providerId: string): Tool {
  return tool === 'exclude' && !providerTuning(providers, providerId).includes('exclude') ? 'brush' : tool;
}
