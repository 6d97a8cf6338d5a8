import { describe, expect, it, vi } from 'vitest';

const created: Array<{ options: unknown; loadURL: ReturnType<typeof vi.fn>; once: ReturnType<typeof vi.fn> }> = [];

vi.mock('electron', () => ({
  BrowserWindow: vi.fn(function (this: Record<string, unknown>, options: unknown) {
    const window = { options, loadURL: vi.fn(async () => undefined), once: vi.fn(), show: vi.fn() };
    created.push(window);
    return window;
  }),
}));

const { createMainWindow, mainWindowOptions } = await import('./main-window.ts');

describe('main window', () => {
  it('is sandboxed, isolated and Node-free', () => {
    const prefs = mainWindowOptions('/app/out/preload/preload.cjs').webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
  });

  it('loads the renderer from app://infill and shows when ready', () => {
    createMainWindow('/p.cjs');
    const window = created[0];
    expect(window?.loadURL).toHaveBeenCalledWith('app://infill/index.html');
    expect(window?.once).toHaveBeenCalledWith('ready-to-show', expect.any(Function));
  });
});
