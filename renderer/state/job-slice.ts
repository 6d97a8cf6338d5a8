import type { StateCreator } from 'zustand';
import type { AppState, JobSlice } from './app-state.ts';

export const createJobSlice: StateCreator<AppState, [], [], JobSlice> = (set) => ({
  providers: [],
  providerId: '',
  prompt: '',
  activeJob: undefined,
  estimate: undefined,
  setProviders: (providers, defaultId) => set({ providers, providerId: defaultId }),
  setProviderId: (providerId) => set({ providerId }),
  setPrompt: (prompt) => set({ prompt }),
  setActiveJob: (activeJob) => set({ activeJob }),
  setEstimate: (estimate) => set({ estimate }),
});
