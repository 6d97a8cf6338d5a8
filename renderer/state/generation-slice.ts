import type { StateCreator } from 'zustand';
import type { AppState, GenerationSlice } from './app-state.ts';

export const MAX_VARIATIONS = 10;

export const createGenerationSlice: StateCreator<AppState, [], [], GenerationSlice> = (set) => ({
  settingsOpen: false,
  usageOpen: false,
  variations: 1,
  seedText: '',
  strength: 1,
  guidance: 7,
  results: undefined,
  setSettingsOpen: (settingsOpen) => set({ settingsOpen }),
  setUsageOpen: (usageOpen) => set({ usageOpen }),
  setVariations: (n) => set({ variations: Math.round(Math.min(MAX_VARIATIONS, Math.max(1, Number.isFinite(n) ? n : 1))) }),
  setSeedText: (seedText) => set({ seedText: seedText.replace(/[^0-9]/g, '').slice(0, 10) }),
  setStrength: (strength) => set({ strength: Math.min(1, Math.max(0, strength)) }),
  setGuidance: (guidance) => set({ guidance: Math.min(30, Math.max(0, guidance)) }),
  setResults: (results) => set({ results }),
  markResultsAdded: (assetIds) =>
    set((state) => (state.results ? { results: { ...state.results, added: [...new Set([...state.results.added, ...assetIds])] } } : {})),
});
