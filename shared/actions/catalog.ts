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
  { id: 'saveProject', labelKey: 'project:actions.save', shortcuts: ['Mod+S'], menu: 'file' },
  { id: 'saveProjectAs', labelKey: 'project:actions.saveAs', shortcuts: ['Mod+Shift+S'], menu: 'file' },
  { id: 'export', labelKey: 'actions:export', shortcuts: ['Mod+E'], menu: 'file' },
  { id: 'copyImage', labelKey: 'export:actions.copyImage', shortcuts: ['Mod+Shift+C'], menu: 'edit' },
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
  { id: 'toolMove', labelKey: 'layers:actions.toolMove', shortcuts: ['V'], menu: 'edit' },
  { id: 'layerNew', labelKey: 'layers:actions.new', shortcuts: ['Mod+Shift+N'], menu: 'edit' },
  { id: 'layerDuplicate', labelKey: 'layers:actions.duplicate', shortcuts: ['Mod+J'], menu: 'edit' },
  { id: 'layerMergeDown', labelKey: 'layers:actions.mergeDown', shortcuts: ['Mod+Alt+E'], menu: 'edit' },
  { id: 'layerFlatten', labelKey: 'layers:actions.flatten', shortcuts: [], menu: 'edit' },
  { id: 'brushSmaller', labelKey: 'actions:brushSmaller', shortcuts: ['['], menu: 'mask' },
  { id: 'brushLarger', labelKey: 'actions:brushLarger', shortcuts: [']'], menu: 'mask' },
  { id: 'clearMask', labelKey: 'actions:clearMask', shortcuts: ['Mod+Shift+X'], menu: 'mask' },
  { id: 'invertMask', labelKey: 'actions:invertMask', shortcuts: ['Mod+I'], menu: 'mask' },
  { id: 'clearExclusion', labelKey: 'actions:clearExclusion', shortcuts: [], menu: 'mask' },
  { id: 'toolRectSelect', labelKey: 'selection:action.toolRectSelect', shortcuts: ['M'], menu: 'mask' },
  { id: 'toolEllipseSelect', labelKey: 'selection:action.toolEllipseSelect', shortcuts: [], menu: 'mask' },
  { id: 'toolLasso', labelKey: 'selection:action.toolLasso', shortcuts: ['L'], menu: 'mask' },
  { id: 'toolPolygonLasso', labelKey: 'selection:action.toolPolygonLasso', shortcuts: [], menu: 'mask' },
  { id: 'toolSelectObject', labelKey: 'selection:action.toolSelectObject', shortcuts: ['W'], menu: 'mask' },
  { id: 'selectAll', labelKey: 'selection:action.selectAll', shortcuts: [], menu: 'mask' },
  { id: 'deselect', labelKey: 'selection:action.deselect', shortcuts: ['Mod+D'], menu: 'mask' },
  { id: 'growMask', labelKey: 'selection:action.growMask', shortcuts: [], menu: 'mask' },
  { id: 'shrinkMask', labelKey: 'selection:action.shrinkMask', shortcuts: [], menu: 'mask' },
  { id: 'featherMask', labelKey: 'selection:action.featherMask', shortcuts: [], menu: 'mask' },
  { id: 'maskFromLayer', labelKey: 'selection:action.maskFromLayer', shortcuts: [], menu: 'mask' },
  { id: 'saveMask', labelKey: 'selection:action.saveMask', shortcuts: [], menu: 'mask' },
  { id: 'loadMask', labelKey: 'selection:action.loadMask', shortcuts: [], menu: 'mask' },
  { id: 'zoomFit', labelKey: 'actions:zoomFit', shortcuts: ['Mod+0'], menu: 'view' },
  { id: 'zoomActual', labelKey: 'actions:zoomActual', shortcuts: ['Mod+1'], menu: 'view' },
  { id: 'zoomIn', labelKey: 'actions:zoomIn', shortcuts: ['Mod+=', 'Mod++'], menu: 'view' },
  { id: 'zoomOut', labelKey: 'actions:zoomOut', shortcuts: ['Mod+-'], menu: 'view' },
  // Prompt help from a vision model (Esc also stops it: renderer/vision/prompt-help.ts).
  { id: 'suggestPrompt', labelKey: 'vision:action.suggest', shortcuts: [], menu: 'edit' },
  { id: 'describePhoto', labelKey: 'vision:action.describe', shortcuts: [], menu: 'edit' },
  { id: 'translatePrompt', labelKey: 'vision:action.translate', shortcuts: [], menu: 'edit' },
  { id: 'stopPromptHelp', labelKey: 'vision:action.stop', shortcuts: [] },
  { id: 'showShortcuts', labelKey: 'actions:showShortcuts', shortcuts: ['?'], menu: 'help' },
] as const satisfies readonly ActionDescriptor[];

export type ActionId = (typeof actionCatalog)[number]['id'];

export function isActionId(value: string): value is ActionId {
  return actionCatalog.some((action) => action.id === value);
}
