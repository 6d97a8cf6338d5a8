import { describe, expect, it } from 'vitest';
import { actionCatalog } from '../../shared/actions/catalog.ts';
import { assertNoShortcutConflicts, findShortcutConflicts } from './shortcut-conflicts.ts';

describe('shortcut conflicts', () => {
  it('refuses two actions on one key', () => {
    const actions = [
      { id: 'toolBrush', shortcuts: ['B'] },
      { id: 'toolBlur', shortcuts: ['b'] },
    ];
    expect(findShortcutConflicts(actions)).toEqual([{ combination: 'b', actionIds: ['toolBrush', 'toolBlur'] }]);
    expect(() => assertNoShortcutConflicts(actions)).toThrow(/b: toolBrush, toolBlur/);
  });

  it('treats Mod as Ctrl, where the two collide', () => {
    expect(findShortcutConflicts([{ id: 'redo', shortcuts: ['Ctrl+Y'] }, { id: 'other', shortcuts: ['Mod+Y'] }])).toHaveLength(1);
  });

  it('keeps Shift apart for letters only', () => {
    expect(findShortcutConflicts([{ id: 'undo', shortcuts: ['Mod+Z'] }, { id: 'redo', shortcuts: ['Mod+Shift+Z'] }])).toEqual([]);
    expect(findShortcutConflicts([{ id: 'help', shortcuts: ['?'] }, { id: 'other', shortcuts: ['Shift+?'] }])).toHaveLength(1);
  });

  it('finds none in the app catalogue', () => {
    expect(() => assertNoShortcutConflicts(actionCatalog)).not.toThrow();
  });
});
