/** Parses catalog shortcuts ("Mod+Shift+Z", "Ctrl+Y", "[", "Mod++") and matches key events. */
export interface Shortcut {
  mod: boolean;
  ctrl: boolean;
  shift: boolean;
  alt: boolean;
  key: string;
}

export function parseShortcut(text: string): Shortcut {
  const parts = text.endsWith('++') ? [...text.slice(0, -2).split('+'), '+'] : text.split('+');
  const key = (parts.pop() ?? '').toLowerCase();
  const has = (name: string) => parts.includes(name);
  return { mod: has('Mod'), ctrl: has('Ctrl'), shift: has('Shift'), alt: has('Alt'), key };
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function matchesShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, shortcut: Shortcut): boolean {
  const modPressed = isMac ? event.metaKey : event.ctrlKey;
  const wantsCtrl = shortcut.ctrl || (shortcut.mod && !isMac);
  const wantsMeta = shortcut.mod && isMac;
  if (event.ctrlKey !== wantsCtrl || event.metaKey !== wantsMeta || event.altKey !== shortcut.alt) return false;
  if (shortcut.mod && !modPressed) return false;
  const key = event.key.toLowerCase();
  // Shift changes the character of symbol keys ("+" is Shift+"="), so it is only compared for letters.
  if (/^[a-z]$/.test(shortcut.key) && event.shiftKey !== shortcut.shift) return false;
  return key === shortcut.key;
}

/** "Mod+Shift+Z" as a person reads it on this platform. */
export function describeShortcut(text: string): string {
  return text.replace('Mod', isMac ? '⌘' : 'Ctrl');
}
