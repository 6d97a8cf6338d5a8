import type { ProgressNote } from '../../shared/contract/progress-note.ts';
import type { Candidate, JobStage, ProviderInfo } from '../../shared/contract/schemas.ts';
import type { HistoryMode, HistorySnapshot } from '../../shared/document/history.ts';
import type { InfillRecord, RecordMap } from '../../shared/document/records.ts';
import type { Rect } from '../../shared/geometry.ts';
import type { SelectionSlice } from './selection-types.ts';
import type { UiMessage } from '../i18n/messages.ts';

/**
 * The store's shape, slice by slice. Kept apart from the slices' code so that they and the
 * store can all refer to the whole state without importing each other in a circle.
 */
export type AppState = DocumentSlice & UiSlice & JobSlice & GenerationSlice & SelectionSlice & ProjectSlice;

/** The project file the document belongs to, and whether it has changed since it was saved or opened. */
export interface ProjectSlice {
  /** The `.infill` file name once saved or opened; undefined for a photo not yet saved as a project. */
  projectName: string | undefined;
  /** The records as last saved or opened: the document is unsaved while its records are not these. */
  savedRecords: RecordMap | undefined;
  /** Set while the "save your changes?" question is on screen; answering resolves it. */
  unsavedQuestion: ((answer: 'save' | 'discard' | 'cancel') => void) | undefined;
  markSaved(projectName: string | undefined, records: RecordMap): void;
  setUnsavedQuestion(answer: ((answer: 'save' | 'discard' | 'cancel') => void) | undefined): void;
}

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

/**
 * 'exclude' paints the area content-aware fill must not copy from; 'rect' … 'polygon' are the
 * selection shapes and 'object' is Select object (on-device segmentation); 'move' moves a layer.
 */
export type Tool = 'brush' | 'eraser' | 'exclude' | 'extend' | 'rect' | 'ellipse' | 'lasso' | 'polygon' | 'object' | 'move';

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
  /** The layer that Move, Duplicate, Merge down and "Export selected layer" act on. */
  selectedLayerId: string | undefined;
  /** Extend tool: how far into the photo the outpainting mask reaches, and whether drags keep the ratio. */
  extendBand: number;
  extendLockRatio: boolean;
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
  selectLayer(id: string | undefined): void;
  setExtendBand(pixels: number): void;
  setExtendLockRatio(lock: boolean): void;
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

/** What the next generation asks for (variations, seed, strength, guidance), its results, and the gateway dialogs. */
export interface GenerationSlice {
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
