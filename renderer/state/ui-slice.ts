import type { StateCreator } from 'zustand';
import { OVERLAP_BAND } from '../canvas/extend-canvas.ts';
import type { AppState, UiSlice } from './app-state.ts';

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
  selectedLayerId: undefined,
  extendBand: OVERLAP_BAND,
  extendLockRatio: false,
  shortcutsOpen: false,
  setTool: (tool) => set({ tool }),
  setBrushSize: (size) => set({ brushSize: Math.round(Math.min(BRUSH_MAX, Math.max(BRUSH_MIN, size))) }),
  setBrushHardness: (hardness) => set({ brushHardness: Math.min(1, Math.max(0, hardness)) }),
  setView: (view) => set({ view }),
  setViewport: (viewport) => set({ viewport }),
  notify: (kind, message) => set({ notice: { id: ++noticeCounter, kind, message } }),
  dismissNotice: () => set({ notice: undefined }),
  setExportOpen: (exportOpen) => set({ exportOpen }),
  selectLayer: (selectedLayerId) => set({ selectedLayerId }),
  setExtendBand: (pixels) => set({ extendBand: Math.round(Math.min(256, Math.max(0, pixels))) }),
  setExtendLockRatio: (extendLockRatio) => set({ extendLockRatio }),
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
});
