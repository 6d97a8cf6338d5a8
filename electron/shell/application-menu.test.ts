import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createTranslator } from '../i18n/translator.ts';
import { acceleratorFor, buildMenuTemplate, installApplicationMenu } from './application-menu.ts';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

describe('acceleratorFor', () => {
  it('translates catalog shortcuts', () => {
    expect(acceleratorFor('Mod+Shift+Z')).toBe('CmdOrCtrl+Shift+Z');
    expect(acceleratorFor('Mod+Enter')).toBe('CmdOrCtrl+Enter');
    expect(acceleratorFor('Mod++')).toBe('CmdOrCtrl+Plus');
    expect(acceleratorFor('Mod+-')).toBe('CmdOrCtrl+-');
    expect(acceleratorFor('[')).toBe('[');
    expect(acceleratorFor('Ctrl+Y')).toBe('Ctrl+Y');
  });
});

const t = createTranslator('en');

describe('buildMenuTemplate', () => {
  it('sends menuAction with the action id when an item is chosen', () => {
    const emit = vi.fn();
    const items = flatten(buildMenuTemplate({ emit, isPackaged: true, platform: 'linux', t }));
    const undo = items.find((item) => item.id === 'undo');
    expect(undo?.accelerator).toBe('CmdOrCtrl+Z');
    expect(undo?.registerAccelerator).toBe(false);
    (undo?.click as () => void)();
    expect(emit).toHaveBeenCalledWith('menuAction', { actionId: 'undo' });
    expect(items.some((item) => item.id === 'cancelJob')).toBe(false);
  });

  it('has quit and clipboard roles, and DevTools only when not packaged', () => {
    const roles = (isPackaged: boolean) =>
      flatten(buildMenuTemplate({ emit: vi.fn(), isPackaged, platform: 'linux', t })).map((item) => item.role);
    expect(roles(true)).toEqual(expect.arrayContaining(['quit', 'copy', 'paste', 'cut', 'selectAll']));
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(false)).toContain('toggleDevTools');
  });

  it('uses the app menu on macOS', () => {
    const template = buildMenuTemplate({ emit: vi.fn(), isPackaged: true, platform: 'darwin', t });
    expect(template[0]?.role).toBe('appMenu');
  });

  it('has Help → Open Log Folder, which opens the log folder', () => {
    const openLogFolder = vi.fn();
    const template = buildMenuTemplate({ emit: vi.fn(), isPackaged: true, platform: 'linux', t, openLogFolder });
    const help = template.at(-1);
    expect(help).toMatchObject({ role: 'help', label: 'Help' });
    const item = flatten([help!]).find((entry) => entry.id === 'openLogFolder');
    expect(item?.label).toBe('Open Log Folder');
    (item?.click as () => void)();
    expect(openLogFolder).toHaveBeenCalledOnce();
    const german = buildMenuTemplate({ emit: vi.fn(), isPackaged: true, platform: 'linux', t: createTranslator('de'), openLogFolder }).at(-1);
    expect(flatten([german!]).map((entry) => entry.label)).toEqual(['Hilfe', 'Tastenkürzel', 'Protokollordner öffnen']);
  });

  it('installs the built menu', () => {
    const menu = { buildFromTemplate: vi.fn(() => 'built'), setApplicationMenu: vi.fn() };
    installApplicationMenu(menu as never, { emit: vi.fn(), isPackaged: true, platform: 'linux', t });
    expect(menu.setApplicationMenu).toHaveBeenCalledWith('built');
  });
});

describe('the menu in the person\'s language', () => {
  it('words the groups and items from the catalogues', () => {
    const template = buildMenuTemplate({ emit: vi.fn(), isPackaged: true, platform: 'linux', t: createTranslator('de') });
    expect(template.map((item) => item.label)).toEqual(['Datei', 'Bearbeiten', 'Maske', 'Ansicht', 'Hilfe']);
    expect(flatten(template).find((item) => item.id === 'undo')?.label).toBe('Rückgängig');
    expect(flatten(template).find((item) => item.id === 'showShortcuts')?.label).toBe('Tastenkürzel');
  });
});
