import type { ActionId } from '../../shared/actions/catalog.ts';
import { actionLabel, actionShortcut, runAction, useActionEnabled } from '../actions/registry.ts';
import { describeShortcut } from '../actions/shortcuts.ts';

/** A button that runs a registered action: its name, tooltip and enabled state come from the action. */
export function ActionButton({ action, pressed, children, className }: { action: ActionId; pressed?: boolean; children?: React.ReactNode; className?: string }) {
  const enabled = useActionEnabled(action);
  const label = actionLabel(action);
  const shortcut = actionShortcut(action);
  return (
    <button
      type="button"
      className={className}
      aria-label={label}
      aria-pressed={pressed}
      title={shortcut ? `${label} (${describeShortcut(shortcut)})` : label}
      disabled={!enabled}
      onClick={() => void runAction(action)}
    >
      {children ?? label}
    </button>
  );
}
