import { dirname, extname, isAbsolute, join } from 'node:path';
import type { BrowserWindow, Dialog, SaveDialogOptions } from 'electron';
import type { TFunction } from 'i18next';
import type { ChooseProjectPath } from '../projects/project-saves.ts';

/**
 * The native Save dialog for projects: only `.infill` files offered, opening in the folder the
 * last project was saved to (the Documents folder at first), and the extension added when the
 * person typed a name without it.
 */
export function createProjectPathChooser(
  dialog: Pick<Dialog, 'showSaveDialog'>,
  parentWindow: () => BrowserWindow | undefined,
  t: () => TFunction,
  firstFolder: string,
): ChooseProjectPath {
  let folder = firstFolder;
  return async (suggested) => {
    const options: SaveDialogOptions = {
      title: t()('project:actions.saveAs'),
      defaultPath: isAbsolute(suggested) ? suggested : join(folder, suggested),
      filters: [{ name: t()('project:saveDialog.fileType'), extensions: ['infill'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    const parent = parentWindow();
    const { canceled, filePath } = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    if (canceled || !filePath) return undefined;
    const path = extname(filePath).toLowerCase() === '.infill' ? filePath : `${filePath}.infill`;
    folder = dirname(path);
    return path;
  };
}
