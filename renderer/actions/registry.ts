import { actionCatalog, isActionId, type ActionId } from '../../shared/actions/catalog.ts';
import type { AppState } from '../state/store.ts';
import { useAppStore } from '../state/store.ts';
import { assertNoShortcutConflicts } from './shortcut-conflicts.ts';
import { matchesShortcut, parseShortcut } from './shortcuts.ts';
import { errorMessage } from '../i18n/messages.ts';

/**
 * User operations as registered actions (after Excalidraw's actions): buttons, shortcuts, the
 * native menu and tests all go through `runAction`, and a control is enabled exactly when its
 * action is.
 */
export interface ActionImpl {
  enabled(state: AppState): boolean;
  perform(): void | Promise<void>;
}

const registry = new Map<ActionId, ActionImpl>();
const parsedShortcuts = actionCatalog.map((action) => ({ id: action.id as ActionId, shortcuts: action.shortcuts.map(parseShortcut) }));

export function registerActions(actions: Record<ActionId, ActionImpl>): void {
  assertNoShortcutConflicts(actionCatalog);
  for (const [id, impl] of Object.entries(actions)) registry.set(id as ActionId, impl);
}

export function isActionEnabled(id: ActionId, state: AppState = useAppStore.getState()): boolean {
  return registry.get(id)?.enabled(state) ?? false;
}

export async function runAction(id: string): Promise<void> {
  if (!isActionId(id)) return;
  const action = registry.get(id);
  if (!action || !action.enabled(useAppStore.getState())) return;
  try {
    await action.perform();
  } catch (error) {
    useAppStore.getState().notify('error', errorMessage(error));
  }
}

export function actionForKey(event: KeyboardEvent): ActionId | undefined {
  return parsedShortcuts.find((entry) => entry.shortcuts.some((shortcut) => matchesShortcut(event, shortcut)))?.id;
}

/** The catalogue key of the action's label ('actions:toolBrush'); the caller words it with `t`. */
export function actionLabelKey(id: ActionId): string {
  return actionCatalog.find((action) => action.id === id)?.labelKey ?? id;
}

export function actionShortcut(id: ActionId): string | undefined {
  return actionCatalog.find((action) => action.id === id)?.shortcuts[0];
}

/** Re-renders when the action's enabled state changes. */
export function useActionEnabled(id: ActionId): boolean {
  return useAppStore((state) => isActionEnabled(id, state));
}
