/**
 * Every user operation's id, label key and shortcut, declared once so the renderer's registry,
 * its buttons, its keyboard handling and Electron's native menu all agree.
 * `shortcut` uses "Mod" for Ctrl (Cmd on macOS).
 */
export interface ActionDescriptor {
  id: string;
  /** A catalogue key (`namespace:key`): menus, tooltips and the shortcut sheet word it in the chosen language. */
  labelKey: string;
  shortcuts: readonly string[];
  menu?: 'file' | 'edit' | 'view' | 'mask' | 'help';
}

export const actionCatalog = [
  { id: 'open', labelKey: 'actions:open', shortcuts: ['Mod+O'], menu: 'file' },
  { id: 'export', labelKey: 'actions:export', shortcuts: ['Mod+E'], menu: 'file' },
  { id: 'undo', labelKey: 'actions:undo', shortcuts: ['Mod+Z'], menu: 'edit' },
  { id: 'redo', labelKey: 'actions:redo', shortcuts: ['Mod+Shift+Z', 'Ctrl+Y'], menu: 'edit' },
  { id: 'generate', labelKey: 'actions:generate', shortcuts: ['Mod+Enter'], menu: 'edit' },
  { id: 'cancelJob', labelKey: 'actions:cancelJob', shortcuts: [] },
  { id: 'generateImage', labelKey: 'actions:generateImage', shortcuts: [], menu: 'edit' },
  { id: 'openSettings', labelKey: 'actions:openSettings', shortcuts: ['Mod+,'], menu: 'file' },
  { id: 'openUsage', labelKey: 'actions:openUsage', shortcuts: [], menu: 'file' },
  { id: 'toolBrush', labelKey: 'actions:toolBrush', shortcuts: ['B'], menu: 'mask' },
  { id: 'toolEraser', labelKey: 'actions:toolEraser', shortcuts: ['E'], menu: 'mask' },
  { id: 'toolExclude', labelKey: 'actions:toolExclude', shortcuts: ['K'], menu: 'mask' },
  { id: 'toolExtend', labelKey: 'actions:toolExtend', shortcuts: ['X'], menu: 'edit' },
  { id: 'brushSmaller', labelKey: 'actions:brushSmaller', shortcuts: ['['], menu: 'mask' },
  { id: 'brushLarger', labelKey: 'actions:brushLarger', shortcuts: [']'], menu: 'mask' },
  { id: 'clearMask', labelKey: 'actions:clearMask', shortcuts: ['Mod+Shift+X'], menu: 'mask' },
  { id: 'invertMask', labelKey: 'actions:invertMask', shortcuts: ['Mod+I'], menu: 'mask' },
  { id: 'clearExclusion', labelKey: 'actions:clearExclusion', shortcuts: [], menu: 'mask' },
  { id: 'zoomFit', labelKey: 'actions:zoomFit', shortcuts: ['Mod+0'], menu: 'view' },
  { id: 'zoomActual', labelKey: 'actions:zoomActual', shortcuts: ['Mod+1'], menu: 'view' },
  { id: 'zoomIn', labelKey: 'actions:zoomIn', shortcuts: ['Mod+=', 'Mod++'], menu: 'view' },
  { id: 'zoomOut', labelKey: 'actions:zoomOut', shortcuts: ['Mod+-'], menu: 'view' },
  { id: 'showShortcuts', labelKey: 'actions:showShortcuts', shortcuts: ['?'], menu: 'help' },
] as const satisfies readonly ActionDescriptor[];

export type ActionId = (typeof actionCatalog)[number]['id'];

export function isActionId(value: string): value is ActionId {
  return actionCatalog.some((action) => action.id === value);
}
