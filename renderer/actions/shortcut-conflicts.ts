import { parseShortcut } from './shortcuts.ts';

/** Two actions claiming one key combination: the second would never run. */
export interface ShortcutConflict {
  combination: string;
  actionIds: string[];
}

/**
 * The combination a shortcut occupies on some platform. `Mod` is Ctrl off macOS, so `Mod+Y`
 * and `Ctrl+Y` collide there; Shift only counts for letters, as the matcher compares it.
 */
function combinationOf(text: string): string {
  const shortcut = parseShortcut(text);
  const shift = /^[a-z]$/.test(shortcut.key) && shortcut.shift;
  const parts = [shortcut.mod || shortcut.ctrl ? 'Ctrl' : '', shortcut.alt ? 'Alt' : '', shift ? 'Shift' : '', shortcut.key];
  return parts.filter(Boolean).join('+');
}

export function findShortcutConflicts(actions: ReadonlyArray<{ id: string; shortcuts: readonly string[] }>): ShortcutConflict[] {
  const owners = new Map<string, Set<string>>();
  for (const action of actions) {
    for (const shortcut of action.shortcuts) {
      const combination = combinationOf(shortcut);
      owners.set(combination, (owners.get(combination) ?? new Set()).add(action.id));
    }
  }
  return [...owners].filter(([, ids]) => ids.size > 1).map(([combination, ids]) => ({ combination, actionIds: [...ids] }));
}

/** Refuses a catalogue in which two actions share a key, naming them (Excalidraw's registry does the same). */
export function assertNoShortcutConflicts(actions: ReadonlyArray<{ id: string; shortcuts: readonly string[] }>): void {
  const conflicts = findShortcutConflicts(actions);
  if (conflicts.length === 0) return;
  const list = conflicts.map((c) => `${c.combination}: ${c.actionIds.join(', ')}`).join('; ');
  throw new Error(`Two actions share a keyboard shortcut (${list})`);
}
