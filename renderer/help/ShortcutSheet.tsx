import { useEffect, useRef } from 'react';
import { actionCatalog, type ActionDescriptor } from '../../shared/actions/catalog.ts';
import { describeShortcut } from '../actions/shortcuts.ts';
import { useAppStore } from '../state/store.ts';
import './shortcut-sheet.css';

type Group = NonNullable<ActionDescriptor['menu']> | 'other';
const groupOrder: readonly Group[] = ['file', 'edit', 'mask', 'view', 'help', 'other'];
const groupTitles: Record<Group, string> = { file: 'File', edit: 'Edit', mask: 'Mask', view: 'View', help: 'Help', other: 'Other' };

/** Every registered action with its keys, grouped as the menus are; opened with `?`. */
export function ShortcutSheet() {
  const open = useAppStore((s) => s.shortcutsOpen);
  const setOpen = useAppStore((s) => s.setShortcutsOpen);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  const actions: readonly ActionDescriptor[] = actionCatalog;
  return (
    <dialog ref={dialog} aria-label="Keyboard shortcuts" className="shortcut-sheet" onClose={() => setOpen(false)}>
      <h2>Keyboard shortcuts</h2>
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
                      <th scope="row">{action.label}</th>
                      <td>
                        {action.shortcuts.length === 0
                          ? <span className="muted">—</span>
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
          Close
        </button>
      </div>
    </dialog>
  );
}
