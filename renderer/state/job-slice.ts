import type { StateCreator } from 'zustand';
import type { JobStage, ProviderInfo } from '../../shared/contract/schemas.ts';
import type { AppState } from './store.ts';

export interface ActiveJob {
  jobId: string;
  stage: JobStage;
  progress: number;
  message?: string;
}

export interface JobSlice {
  providers: ProviderInfo[];
  providerId: string;
  prompt: string;
  activeJob: ActiveJob | undefined;
  setProviders(providers: ProviderInfo[], defaultId: string): void;
  setProviderId(id: string): void;
  setPrompt(prompt: string): void;
  setActiveJob(job: ActiveJob | undefined): void;
}

export const createJobSlice: StateCreator<AppState, [], [], JobSlice> = (set) => ({
  providers: [],
  providerId: '',
  prompt: '',
  activeJob: undefined,
  setProviders: (providers, defaultId) => set({ providers, providerId: defaultId }),
  setProviderId: (providerId) => set({ providerId }),
  setPrompt: (prompt) => set({ prompt }),
  setActiveJob: (activeJob) => set({ activeJob }),
});
