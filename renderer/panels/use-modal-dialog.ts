import { useEffect, useRef } from 'react';

/** A `<dialog>` shown modally while `open` is true (focus trapped, Escape closes it, the backdrop dims). */
export function useModalDialog(open: boolean) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return dialog;
}
