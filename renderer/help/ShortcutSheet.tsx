import { useTranslation } from 'react-i18next';
import { actionCatalog, type ActionDescriptor } from '../../shared/actions/catalog.ts';
import { describeShortcut } from '../actions/shortcuts.ts';
import { useModalDialog } from '../panels/use-modal-dialog.ts';
import { useAppStore } from '../state/store.ts';
import './shortcut-sheet.css';

type Group = NonNullable<ActionDescriptor['menu']> | 'other';
const groupOrder: readonly Group[] = ['file', 'edit', 'mask', 'view', 'help', 'other'];

/** Every registered action with its keys, grouped as the menus are; opened with `?`. */
export function ShortcutSheet() {
  const { t } = useTranslation();
  const groupTitles: Record<Group, string> = {
    file: t('dialogs:shortcuts.groups.file'),
    edit: t('dialogs:shortcuts.groups.edit'),
    mask: t('dialogs:shortcuts.groups.mask'),
    view: t('dialogs:shortcuts.groups.view'),
    help: t('dialogs:shortcuts.groups.help'),
    other: t('dialogs:shortcuts.groups.other'),
  };
  const open = useAppStore((s) => s.shortcutsOpen);
  const setOpen = useAppStore((s) => s.setShortcutsOpen);
  const dialog = useModalDialog(open);

  const actions: readonly ActionDescriptor[] = actionCatalog;
  return (
    <dialog ref={dialog} aria-label={t('dialogs:shortcuts.dialog')} className="shortcut-sheet" onClose={() => setOpen(false)}>
      <h2>{t('dialogs:shortcuts.title')}</h2>
      <div className="shortcut-groups">
        {groupOrder.map((group) => {
          const members = actions.filter((action) => (action.menu ?? 'other') === group);
          if (members.length === 0) return null;
          return (
            <section key={group} aria-label={groupTitles[group]}>
              <h3>{groupTitles[group]}</h3>
              <table>
                <tbody>
                  {members.map((action) => (
                    <tr key={action.id} data-action={action.id}>
                      <th scope="row">{t(action.labelKey)}</th>
                      <td>
                        {action.shortcuts.length === 0
                          ? <span className="muted" aria-label={t('dialogs:shortcuts.none')}>—</span>
                          : action.shortcuts.map((shortcut) => <kbd key={shortcut}>{describeShortcut(shortcut)}</kbd>)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          );
        })}
      </div>
      <div className="buttons">
        <button type="button" onClick={() => setOpen(false)}>
          {t('dialogs:shortcuts.close')}
        </button>
      </div>
    </dialog>
  );
}
