/**
 * Every user operation's id, label and shortcut, declared once so the renderer's registry,
 * its buttons, its keyboard handling and Electron's native menu all agree.
 * `shortcut` uses "Mod" for Ctrl (Cmd on macOS).
 */
export interface ActionDescriptor {
  id: string;
  label: string;
  shortcuts: readonly string[];
  menu?: 'file' | 'edit' | 'view' | 'mask' | 'help';
}

export const actionCatalog = [
  { id: 'open', label: 'Open image', shortcuts: ['Mod+O'], menu: 'file' },
  { id: 'export', label: 'Export', shortcuts: ['Mod+E'], menu: 'file' },
  { id: 'undo', label: 'Undo', shortcuts: ['Mod+Z'], menu: 'edit' },
  { id: 'redo', label: 'Redo', shortcuts: ['Mod+Shift+Z', 'Ctrl+Y'], menu: 'edit' },
  { id: 'generate', label: 'Generate', shortcuts: ['Mod+Enter'], menu: 'edit' },
  { id: 'cancelJob', label: 'Cancel generation', shortcuts: [] },
  { id: 'generateImage', label: 'Generate image', shortcuts: [], menu: 'edit' },
  { id: 'openSettings', label: 'Gateways…', shortcuts: ['Mod+,'], menu: 'file' },
  { id: 'openUsage', label: 'Usage and prices', shortcuts: [], menu: 'file' },
  { id: 'toolBrush', label: 'Brush', shortcuts: ['B'], menu: 'mask' },
  { id: 'toolEraser', label: 'Eraser', shortcuts: ['E'], menu: 'mask' },
  { id: 'toolExclude', label: 'Exclude from sampling', shortcuts: ['K'], menu: 'mask' },
  { id: 'toolExtend', label: 'Extend canvas', shortcuts: ['X'], menu: 'edit' },
  { id: 'brushSmaller', label: 'Smaller brush', shortcuts: ['['], menu: 'mask' },
  { id: 'brushLarger', label: 'Larger brush', shortcuts: [']'], menu: 'mask' },
  { id: 'clearMask', label: 'Clear mask', shortcuts: ['Mod+Shift+X'], menu: 'mask' },
  { id: 'invertMask', label: 'Invert mask', shortcuts: ['Mod+I'], menu: 'mask' },
  { id: 'clearExclusion', label: 'Clear exclusion', shortcuts: [], menu: 'mask' },
  { id: 'zoomFit', label: 'Fit to window', shortcuts: ['Mod+0'], menu: 'view' },
  { id: 'zoomActual', label: 'Actual size (100 %)', shortcuts: ['Mod+1'], menu: 'view' },
  { id: 'zoomIn', label: 'Zoom in', shortcuts: ['Mod+=', 'Mod++'], menu: 'view' },
  { id: 'zoomOut', label: 'Zoom out', shortcuts: ['Mod+-'], menu: 'view' },
  { id: 'showShortcuts', label: 'Keyboard shortcuts', shortcuts: ['?'], menu: 'help' },
] as const satisfies readonly ActionDescriptor[];

export type ActionId = (typeof actionCatalog)[number]['id'];

export function isActionId(value: string): value is ActionId {
  return actionCatalog.some((action) => action.id === value);
}
