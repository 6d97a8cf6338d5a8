import { describe, expect, it } from 'vitest';
import { matchesShortcut, parseShortcut } from './shortcuts.ts';

const key = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('shortcuts', () => {
  it('matches Ctrl+Z but not Ctrl+Shift+Z for undo', () => {
    const undo = parseShortcut('Mod+Z');
    expect(matchesShortcut(key('z', { ctrlKey: true }), undo)).toBe(true);
    expect(matchesShortcut(key('Z', { ctrlKey: true, shiftKey: true }), undo)).toBe(false);
    expect(matchesShortcut(key('Z', { ctrlKey: true, shiftKey: true }), parseShortcut('Mod+Shift+Z'))).toBe(true);
  });

  it('matches bare keys only without modifiers', () => {
    expect(matchesShortcut(key('b'), parseShortcut('B'))).toBe(true);
    expect(matchesShortcut(key('b', { ctrlKey: true }), parseShortcut('B'))).toBe(false);
    expect(matchesShortcut(key('['), parseShortcut('['))).toBe(true);
  });

  it('parses a plus key', () => {
    expect(parseShortcut('Mod++')).toMatchObject({ mod: true, key: '+' });
  });
});
