import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

/** main.ts is lifecycle wiring; this checks the wiring with electron and the services faked. */

const appListeners = new Map<string, (...args: unknown[]) => void>();
let markReady: () => void = () => undefined;
const ready = new Promise<void>((resolve) => (markReady = resolve));

const fakes = vi.hoisted(() => ({
  windows: [] as Array<{ options: { webPreferences: { preload: string } } }>,
  dispose: vi.fn(async () => undefined),
  createServices: vi.fn(),
}));

vi.mock('electron', () => {
  const app = {
    on: vi.fn((name: string, listener: (...args: unknown[]) => void) => void appListeners.set(name, listener)),
    whenReady: () => ready,
    requestSingleInstanceLock: vi.fn(() => true),
    getPath: vi.fn((name: string) => `/fake/${name}`),
    setPath: vi.fn(),
    getVersion: () => '1.0.0',
    getPreferredSystemLanguages: () => ['vi-VN', 'en-US'],
    isPackaged: false,
    quit: vi.fn(),
    exit: vi.fn(),
  };
  const BrowserWindow = Object.assign(
    vi.fn(function (options: { webPreferences: { preload: string } }) {
      const window = { options, once: vi.fn(), loadURL: vi.fn(async () => undefined), webContents: { on: vi.fn() } };
      fakes.windows.push(window);
      return window;
    }),
    { getAllWindows: () => fakes.windows, getFocusedWindow: () => null },
  );
  return {
    app,
    BrowserWindow,
    dialog: { showErrorBox: vi.fn(), showSaveDialog: vi.fn(async () => ({ canceled: true })) },
    ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
    Menu: { buildFromTemplate: vi.fn(() => ({})), setApplicationMenu: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    safeStorage: { isEncryptionAvailable: () => false, encryptString: vi.fn(), decryptString: vi.fn() },
    shell: { openPath: vi.fn(async () => '') },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
        webRequest: { onHeadersReceived: vi.fn() },
      },
    },
  };
});

vi.mock('./log/log-file.ts', () => ({
  openLogFile: vi.fn(async () => ({ path: '/fake/userData/logs/infill.log', dir: '/fake/userData/logs' })),
}));

vi.mock('./app/create-services.ts', () => ({
  createServices: fakes.createServices.mockImplementation(async () => ({ handlers: {}, preferences: { get: () => ({ language: 'de' }), onChange: () => () => undefined }, dispose: fakes.dispose })),
}));

const electron = await import('electron');
await import('./main.ts');

describe('main process wiring', () => {
  it('prepares the scheme, the user-data folder and the guards before ready', () => {
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    expect(electron.app.setPath).toHaveBeenCalledWith('userData', join('/fake/appData', 'Infill'));
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(appListeners.has('web-contents-created')).toBe(true);
    expect(fakes.createServices).not.toHaveBeenCalled();
  });

  it('starts services, IPC, the menu and the window once ready', async () => {
    markReady();
    await vi.waitFor(() => expect(fakes.windows).toHaveLength(1));
    expect(fakes.createServices).toHaveBeenCalledWith(
      expect.objectContaining({ dataDir: '/fake/userData', shell: 'electron', version: '1.0.0' }),
    );
    const options = fakes.createServices.mock.calls[0]?.[0] as { workerScript: string };
    expect(options.workerScript.endsWith('fill-worker.js')).toBe(true);
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(electron.ipcMain.handle).toHaveBeenCalledWith('infill:getAppInfo', expect.any(Function));
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalled();
    // The saved Language setting (German here) words the native menu.
    const template = (vi.mocked(electron.Menu.buildFromTemplate).mock.calls[0]?.[0] as Array<{ label?: string }> | undefined);
    expect(template?.map((item) => item.label)).toContain('Datei');
    // Help → Open Log Folder opens the log folder in the data folder.
    const withHelp = vi.mocked(electron.Menu.buildFromTemplate).mock.calls[0]?.[0] as Array<{ role?: string; submenu?: Array<{ id?: string; click?: () => void }> }>;
    withHelp.find((item) => item.role === 'help')?.submenu?.find((item) => item.id === 'openLogFolder')?.click?.();
    expect(electron.shell.openPath).toHaveBeenCalledWith('/fake/userData/logs');
    expect(fakes.windows[0]?.options.webPreferences.preload.endsWith(join('preload', 'preload.cjs'))).toBe(true);
  });

  it('saves projects through the native dialog, worded in the Language setting, starting in Documents', async () => {
    const { chooseProjectPath } = fakes.createServices.mock.calls[0]?.[0] as { chooseProjectPath: (name: string) => Promise<string | undefined> };
    expect(await chooseProjectPath('photo.infill')).toBeUndefined();
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ title: 'Projekt speichern unter…', defaultPath: join('/fake/documents', 'photo.infill') }));
  });

  it('disposes the services before quitting, once', async () => {
    const event = { preventDefault: vi.fn() };
    appListeners.get('will-quit')?.(event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalled());
    expect(fakes.dispose).toHaveBeenCalledTimes(1);
    const again = { preventDefault: vi.fn() };
    appListeners.get('will-quit')?.(again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });
});
