import type { StateCreator } from 'zustand';
import type { AppState } from './store.ts';

export type Tool = 'brush' | 'eraser';

/** How the document is shown: screen = document * scale + offset. */
export interface ViewTransform {
  scale: number;
  x: number;
  y: number;
}

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  message: string;
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
  setTool(tool: Tool): void;
  setBrushSize(size: number): void;
  setBrushHardness(hardness: number): void;
  setView(view: ViewTransform): void;
  setViewport(size: { width: number; height: number }): void;
  notify(kind: Notice['kind'], message: string): void;
  dismissNotice(): void;
  setExportOpen(open: boolean): void;
}

export const BRUSH_MIN = 1;
export const BRUSH_MAX = 1000;

let noticeCounter = 0;

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  tool: 'brush',
  brushSize: 40,
  brushHardness: 0.7,
  maskVisible: true,
  view: { scale: 1, x: 0, y: 0 },
  viewport: { width: 800, height: 600 },
  notice: undefined,
  exportOpen: false,
  setTool: (tool) => set({ tool }),
  setBrushSize: (size) => set({ brushSize: Math.round(Math.min(BRUSH_MAX, Math.max(BRUSH_MIN, size))) }),
  setBrushHardness: (hardness) => set({ brushHardness: Math.min(1, Math.max(0, hardness)) }),
  setView: (view) => set({ view }),
  setViewport: (viewport) => set({ viewport }),
  notify: (kind, message) => set({ notice: { id: ++noticeCounter, kind, message } }),
  dismissNotice: () => set({ notice: undefined }),
  setExportOpen: (exportOpen) => set({ exportOpen }),
});
