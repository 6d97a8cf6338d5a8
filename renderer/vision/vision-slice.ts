import { create } from 'zustand';
import type { ProgressNote } from '../../shared/contract/progress-note.ts';
import type { VisionDetail, VisionDone, VisionTask } from '../../shared/vision/vision-contract.ts';

/**
 * Prompt help's state. A store of its own (not a slice of the app store) because nothing else
 * reads it and it changes on every streamed token: components that do not show prompt help
 * never re-render for it.
 */

export interface VisionProfileInfo {
  id: string;
  name: string;
  visionModel: string;
}

export interface ActiveVision {
  visionId: string;
  task: VisionTask;
  model: string;
  /** The prompt before the help started writing into the box. */
  before: string;
}

export interface VisionState {
  /** Profiles that name a vision model: the buttons show only when there is one. */
  profiles: VisionProfileInfo[];
  detail: VisionDetail;
  active: ActiveVision | undefined;
  /** What the active request waits for before its first text (a retry countdown), if anything. */
  waiting: ProgressNote | undefined;
  /** Describe photo's text as it streams (it goes to the document, not to the prompt box). */
  describing: string;
  /** The last answer's model, tokens and cost, shown under the prompt. */
  last: VisionDone | undefined;
  /**
   * The prompt as it was before the last suggestion or translation, and the text the help left,
   * so Undo can bring the original back while the box still holds that text.
   */
  promptUndo: { before: string; after: string } | undefined;
  setProfiles(profiles: VisionProfileInfo[]): void;
  setDetail(detail: VisionDetail): void;
  begin(active: ActiveVision): void;
  setWaiting(note: ProgressNote | undefined): void;
  appendDescribing(text: string): void;
  end(done: VisionDone | undefined, promptUndo?: VisionState['promptUndo']): void;
  clearPromptUndo(): void;
}

export const useVisionStore = create<VisionState>()((set) => ({
  profiles: [],
  detail: 'medium',
  active: undefined,
  waiting: undefined,
  describing: '',
  last: undefined,
  promptUndo: undefined,
  setProfiles: (profiles) => set({ profiles }),
  setDetail: (detail) => set({ detail }),
  begin: (active) => set({ active, waiting: undefined, describing: '', promptUndo: undefined }),
  setWaiting: (waiting) => set({ waiting }),
  appendDescribing: (text) => set((s) => ({ describing: s.describing + text })),
  end: (last, promptUndo) => set({ active: undefined, waiting: undefined, ...(last ? { last } : {}), promptUndo }),
  clearPromptUndo: () => set({ promptUndo: undefined }),
}));
