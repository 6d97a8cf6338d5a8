import type { Menu, MenuItemConstructorOptions } from 'electron';
import type { TFunction } from 'i18next';
import { actionCatalog, type ActionDescriptor } from '../../shared/actions/catalog.ts';
import type { EventSink } from '../../shared/contract/events.ts';

export interface MenuOptions {
  emit: EventSink;
  /** DevTools and reload are for development builds only. */
  isPackaged: boolean;
  platform: NodeJS.Platform;
  /** Words the menu in the person's language. */
  t: TFunction;
  /** Help → Open Log Folder: shows the log file a person can attach to a bug report. */
  openLogFolder?: () => void;
}

type MenuGroup = NonNullable<ActionDescriptor['menu']>;

/**
 * The catalog's `Mod+Shift+Z` as an Electron accelerator (`CmdOrCtrl+Shift+Z`). `Mod++` names
 * the plus key, which Electron spells `Plus`.
 */
export function acceleratorFor(shortcut: string): string {
  const plusKey = shortcut.endsWith('++');
  const parts = (plusKey ? shortcut.slice(0, -2) : shortcut).split('+').filter(Boolean);
  const keys = parts.map((part) => (part === 'Mod' ? 'CmdOrCtrl' : part));
  if (plusKey) keys.push('Plus');
  return keys.join('+');
}

/**
 * Items for one catalog group. Choosing one sends `menuAction` to the renderer, which runs the
 * action through its registry, the same path as its buttons and keys. The accelerator is shown
 * but not registered: the renderer already handles the keys (so they are not run twice), and a
 * registered `B` or `[` would be swallowed while typing a prompt.
 */
function catalogItems(group: MenuGroup, emit: EventSink, t: TFunction): MenuItemConstructorOptions[] {
  const actions: readonly ActionDescriptor[] = actionCatalog;
  return actions
    .filter((action) => action.menu === group)
    .map((action) => ({
      id: action.id,
      label: t(action.labelKey),
      ...(action.shortcuts[0] ? { accelerator: acceleratorFor(action.shortcuts[0]), registerAccelerator: false } : {}),
      click: () => emit('menuAction', { actionId: action.id }),
    }));
}

export function buildMenuTemplate({ emit, isPackaged, platform, t, openLogFolder }: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const developer: MenuItemConstructorOptions[] = isPackaged ? [] : [separator, { role: 'reload' }, { role: 'toggleDevTools' }];
  return [
    ...(mac ? [{ role: 'appMenu' } as const] : []),
    { label: t('common:menu.file'), submenu: [...catalogItems('file', emit, t), ...(mac ? [] : [separator, { role: 'quit' } as const])] },
    {
      label: t('common:menu.edit'),
      submenu: [
        ...catalogItems('edit', emit, t),
        separator,
        // Standard roles, so cut/copy/paste work in text fields (on macOS only through the menu).
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    { label: t('common:menu.mask'), submenu: catalogItems('mask', emit, t) },
    { label: t('common:menu.view'), submenu: [...catalogItems('view', emit, t), separator, { role: 'togglefullscreen' }, ...developer] },
    ...(mac ? [{ role: 'windowMenu' } as const] : []),
    {
      label: t('log:menu.help'),
      role: 'help' as const,
      submenu: [
        ...catalogItems('help', emit, t),
        ...(openLogFolder ? [{ id: 'openLogFolder', label: t('log:menu.openLogFolder'), click: () => openLogFolder() }] : []),
      ],
    },
  ];
}

export function installApplicationMenu(menu: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>, options: MenuOptions): void {
  menu.setApplicationMenu(menu.buildFromTemplate(buildMenuTemplate(options)));
}
