import type { BrowserWindow, Dialog } from 'electron';
import type { TFunction } from 'i18next';

type Window = Pick<BrowserWindow, 'webContents'>;

/**
 * The renderer cancels `beforeunload` while the document has unsaved changes. A browser then
 * asks the person; Electron asks nobody and just keeps the window open, so main asks here, with
 * a native dialog, and lets the window close when the person chooses to leave.
 */
export function confirmUnsavedUnload(window: Window, dialog: Pick<Dialog, 'showMessageBoxSync'>, t: TFunction): void {
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window as BrowserWindow, {
      type: 'question',
      buttons: [t('project:unload.leave'), t('project:unload.stay')],
      defaultId: 1,
      cancelId: 1,
      title: t('project:unsaved.title'),
      message: t('project:unload.message'),
      detail: t('project:unload.detail'),
    });
    if (choice === 0) event.preventDefault();
  });
}
