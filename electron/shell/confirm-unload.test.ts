import { describe, expect, it, vi } from 'vitest';
import { createTranslator } from '../i18n/translator.ts';
import { confirmUnsavedUnload } from './confirm-unload.ts';

function fakeWindow() {
  const handlers: Record<string, (event: { preventDefault(): void }) => void> = {};
  return { handlers, window: { webContents: { on: (name: string, handler: (event: { preventDefault(): void }) => void) => void (handlers[name] = handler) } } };
}

describe('closing a window with unsaved changes (Electron)', () => {
  it('asks natively; Leave lets the window close, Stay keeps it', () => {
    const { handlers, window } = fakeWindow();
    const dialog = { showMessageBoxSync: vi.fn(() => 0) };
    confirmUnsavedUnload(window as never, dialog, createTranslator('en'));
    const leave = { preventDefault: vi.fn() };
    handlers['will-prevent-unload']!(leave);
    expect(leave.preventDefault).toHaveBeenCalled();
    expect(dialog.showMessageBoxSync).toHaveBeenCalledWith(window, expect.objectContaining({ buttons: ['Leave without saving', 'Stay'], cancelId: 1 }));

    dialog.showMessageBoxSync.mockReturnValue(1);
    const stay = { preventDefault: vi.fn() };
    handlers['will-prevent-unload']!(stay);
    expect(stay.preventDefault).not.toHaveBeenCalled();
  });
});
