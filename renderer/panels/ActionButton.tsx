import { useTranslation } from 'react-i18next';
import type { ActionId } from '../../shared/actions/catalog.ts';
import { actionLabelKey, actionShortcut, runAction, useActionEnabled } from '../actions/registry.ts';
import { describeShortcut } from '../actions/shortcuts.ts';
import { actionIcons } from './action-icons.ts';

/**
 * A button that runs a registered action: its name, tooltip and enabled state come from the
 * action. `iconOnly` shows the action's icon instead of its name; the name stays the button's
 * accessible name and, with the shortcut, its tooltip ("Brush (B)").
 */
export function ActionButton({ action, pressed, children, className, iconOnly }: { action: ActionId; pressed?: boolean; children?: React.ReactNode; className?: string; iconOnly?: boolean }) {
  const { t } = useTranslation();
  const enabled = useActionEnabled(action);
  const label = t(actionLabelKey(action));
  const shortcut = actionShortcut(action);
  const Icon = iconOnly ? actionIcons[action] : undefined;
  return (
    <button
      type="button"
      className={[className, Icon ? 'icon-button' : undefined].filter(Boolean).join(' ') || undefined}
      aria-label={label}
      aria-pressed={pressed}
      title={shortcut ? t('toolbar:shortcutTooltip', { label, shortcut: describeShortcut(shortcut) }) : label}
      disabled={!enabled}
      onClick={() => void runAction(action)}
    >
      {Icon ? <Icon aria-hidden="true" size={18} strokeWidth={1.75} /> : (children ?? label)}
    </button>
  );
}
