import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createTranslator } from '../i18n/translator.ts';
import { createProjectPathChooser } from './project-save-dialog.ts';

describe('the native Save dialog for projects', () => {
  it('offers .infill files in the folder of the last save, in the person’s language, and adds the extension', async () => {
    const showSaveDialog = vi.fn(async () => ({ canceled: false, filePath: join('/work', 'clients', 'kite') }));
    const window = {} as never;
    const choose = createProjectPathChooser({ showSaveDialog } as never, () => window, () => createTranslator('de'), '/home/me/Documents');

    expect(await choose('photo.infill')).toBe(join('/work', 'clients', 'kite.infill'));
    expect(showSaveDialog).toHaveBeenLastCalledWith(
      window,
      expect.objectContaining({
        title: 'Projekt speichern unter…',
        defaultPath: join('/home/me/Documents', 'photo.infill'),
        filters: [{ name: 'Infill-Projekt', extensions: ['infill'] }],
      }),
    );

    showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join('/work', 'clients', 'beach.INFILL') });
    expect(await choose('beach.infill')).toBe(join('/work', 'clients', 'beach.INFILL'));
    expect(showSaveDialog).toHaveBeenLastCalledWith(window, expect.objectContaining({ defaultPath: join('/work', 'clients', 'beach.infill') }));

    // Save as from a saved project starts at its file.
    await choose('/elsewhere/kite.infill');
    expect(showSaveDialog).toHaveBeenLastCalledWith(window, expect.objectContaining({ defaultPath: '/elsewhere/kite.infill' }));
  });

  it('cancelled: no path', async () => {
    const showSaveDialog = vi.fn(async () => ({ canceled: true, filePath: '' }));
    const choose = createProjectPathChooser({ showSaveDialog } as never, () => undefined, () => createTranslator('en'), '/docs');
    expect(await choose('photo.infill')).toBeUndefined();
    expect(showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ title: 'Save project as…' }));
  });
});
