import type { ProgressNote } from '../../shared/contract/progress-note.ts';
import type { Candidate, JobStage, ProviderInfo } from '../../shared/contract/schemas.ts';
import type { HistoryMode, HistorySnapshot } from '../../shared/document/history.ts';
import type { InfillRecord, RecordMap } from '../../shared/document/records.ts';
import type { Rect } from '../../shared/geometry.ts';
import type { UiMessage } from '../i18n/messages.ts';

/**
 * The store's shape, slice by slice. Kept apart from the slices' code so that they and the
 * store can all refer to the whole state without importing each other in a circle.
 */
export type AppState = DocumentSlice & UiSlice & JobSlice & GatewaySlice;

export interface DocumentSlice {
  records: RecordMap;
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | undefined;
  redoLabel: string | undefined;
  /**
   * Applies an edit: the change from the current records to what `edit` returns, labelled for
   * the menu. By default it is its own undo step; `within` a gesture's mark (while that mark is
   * the newest) it joins the gesture's step; `history: 'ignore'` makes it not undoable.
   */
  commit(label: string, edit: (records: RecordMap) => RecordMap, options?: CommitOptions): void;
  /** Starts a fresh document, with the given history (a restored session) or an empty one. */
  replaceDocument(records: RecordMap, history?: HistorySnapshot<InfillRecord>): void;
  undo(): void;
  redo(): void;
  /** Marks where a gesture (a slider drag) begins and returns the mark's id. */
  mark(): string;
  /** Reverts everything since the mark, as if the gesture never happened (Escape). */
  bailToMark(id: string): void;
  /** Makes everything since the mark one undo step (the gesture's end). */
  squashToMark(id: string, label?: string): void;
}

export interface CommitOptions {
  history?: HistoryMode;
  /** A mark from `mark()`: continue its step rather than start a new one, if it is still the newest mark. */
  within?: string;
}

/** 'exclude' paints the area content-aware fill must not copy from. */
export type Tool = 'brush' | 'eraser' | 'exclude' | 'extend';

/** How the document is shown: screen = document * scale + offset. */
export interface ViewTransform {
  scale: number;
  x: number;
  y: number;
}

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  message: UiMessage;
}

export interface UiSlice {
  tool: Tool;
  brushSize: number;
  brushHardness: number;
  maskVisible: boolean;
  view: ViewTransform;
  viewport: { width: number; height: number };
  notice: Notice | undefined;
  exportOpen: boolean;
  /** The keyboard shortcut sheet (`?`). */
  shortcutsOpen: boolean;
  setTool(tool: Tool): void;
  setBrushSize(size: number): void;
  setBrushHardness(hardness: number): void;
  setView(view: ViewTransform): void;
  setViewport(size: { width: number; height: number }): void;
  notify(kind: Notice['kind'], message: UiMessage): void;
  dismissNotice(): void;
  setExportOpen(open: boolean): void;
  setShortcutsOpen(open: boolean): void;
}

export interface ActiveJob {
  jobId: string;
  stage: JobStage;
  progress: number;
  message?: string;
  /** What main is doing, for the screen in the person's language (`message` is its English). */
  note?: ProgressNote;
  /** The latest partial image a gateway streamed, shown over the region being filled. */
  preview?: { assetId: string; rect: Rect };
  /** 'inpaint' fills the mask; 'generate' makes a new layer from the prompt alone. */
  kind?: 'inpaint' | 'generate';
  /** The prompt as sent, kept with the result's layers. */
  prompt?: string;
}

/** Variations waiting for the person to pick: thumbnails, nothing in the document yet. */
export interface PendingResults {
  jobId: string;
  kind: 'inpaint' | 'generate';
  prompt: string;
  candidates: Candidate[];
  /** Asset ids already added as layers (each add is its own undoable step). */
  added: string[];
}

export interface GatewaySlice {
  settingsOpen: boolean;
  usageOpen: boolean;
  /** How many variations to ask for (1–10; images endpoints return them in one request). */
  variations: number;
  /** Empty: a random seed per job. */
  seedText: string;
  /** Diffusion relays: denoising strength 0…1 and guidance scale. */
  strength: number;
  guidance: number;
  results: PendingResults | undefined;
  setSettingsOpen(open: boolean): void;
  setUsageOpen(open: boolean): void;
  setVariations(n: number): void;
  setSeedText(text: string): void;
  setStrength(strength: number): void;
  setGuidance(guidance: number): void;
  setResults(results: PendingResults | undefined): void;
  markResultsAdded(assetIds: string[]): void;
}

/** What main said Generate would run: the renderer words it (`describeEstimate`). */
export interface JobEstimateView {
  seconds: number | null;
  detail: string;
  method?: 'smooth' | 'content-aware';
  pixels?: number;
}

export interface JobSlice {
  providers: ProviderInfo[];
  providerId: string;
  prompt: string;
  activeJob: ActiveJob | undefined;
  /** What Generate would run for the current mask and how long it should take. */
  estimate: JobEstimateView | undefined;
  setProviders(providers: ProviderInfo[], defaultId: string): void;
  setProviderId(id: string): void;
  setPrompt(prompt: string): void;
  setActiveJob(job: ActiveJob | undefined): void;
  setEstimate(estimate: JobSlice['estimate']): void;
}
