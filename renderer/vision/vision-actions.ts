import { getDocument } from '../../shared/document/records.ts';
import type { ActionImpl } from '../actions/registry.ts';
import type { AppState } from '../state/store.ts';
import { startPromptHelp, stopPromptHelp } from './prompt-help.ts';
import { useVisionStore } from './vision-slice.ts';

/**
 * Prompt help as registered actions. Their enabled state also depends on the vision store
 * (a vision model configured, nothing streaming), read at call time.
 */
const ready = (s: AppState): boolean => {
  const v = useVisionStore.getState();
  return v.profiles.length > 0 && !v.active && getDocument(s.records) !== undefined;
};

export const visionActions = {
  suggestPrompt: { enabled: ready, perform: () => startPromptHelp('suggest') },
  describePhoto: { enabled: ready, perform: () => startPromptHelp('describe') },
  translatePrompt: { enabled: (s) => ready(s) && s.prompt.trim() !== '', perform: () => startPromptHelp('translate') },
  stopPromptHelp: { enabled: () => useVisionStore.getState().active !== undefined, perform: stopPromptHelp },
} satisfies Record<string, ActionImpl>;
