/**
 * The Electron main process: wires the shell (app:// protocol, hardened session and windows,
 * IPC, menu) around the services. Everything here is lifecycle; the pieces live in shell/ and
 * the work in app/ and services/.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';
import { createServices, type Services } from './app/create-services.ts';
import { openLogFile } from './log/log-file.ts';
import { protectInLogs, scopedLogger } from './log/log.ts';
import { registerAppSchemeAsPrivileged, serveRendererOverAppProtocol } from './shell/app-protocol.ts';
import { installApplicationMenu } from './shell/application-menu.ts';
import { createTranslator } from './i18n/translator.ts';
import { pickLanguage, type Language } from '../shared/i18n/languages.ts';
import { hardenSession } from './shell/harden-session.ts';
import { guardAllWebContents } from './shell/harden-web-contents.ts';
import { confirmUnsavedUnload } from './shell/confirm-unload.ts';
import { createMainWindow } from './shell/main-window.ts';
import { createProjectPathChooser } from './shell/project-save-dialog.ts';
import { registerIpc } from './shell/register-ipc.ts';
import { createWindowEventSink } from './shell/window-events.ts';

// The built layout: out/main/main.js, out/main/fill-worker.js, out/preload/preload.cjs, out/renderer/.
const bundleDir = dirname(fileURLToPath(import.meta.url));
const paths = {
  renderer: join(bundleDir, '../renderer'),
  preload: join(bundleDir, '../preload/preload.cjs'),
  worker: join(bundleDir, 'fill-worker.js'),
  segmentWorker: join(bundleDir, 'segment-worker.js'),
};

/** Longest a quit waits for services (jobs, asset store) to wind down. */
const DISPOSE_TIMEOUT_MS = 5_000;

// Both before `ready`: scheme privileges are fixed at startup, and the same user-data folder
// (`Infill`) is used whether run from source (package name `infill`) or packaged.
registerAppSchemeAsPrivileged(protocol);
app.setPath('userData', join(app.getPath('appData'), 'Infill'));
guardAllWebContents(app);

if (!app.requestSingleInstanceLock()) {
  // Another Infill is running; it focuses its window on our `second-instance`.
  app.quit();
} else {
  run();
}

function run(): void {
  const emit = createWindowEventSink(() => BrowserWindow.getAllWindows().map((window) => window.webContents));
  let services: Services | undefined;
  let disposed = false;

  const openWindow = () => {
    const window = createMainWindow(paths.preload);
    confirmUnsavedUnload(window, dialog, createTranslator(pickLanguage(app.getPreferredSystemLanguages())));
    return window;
  };

  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (!window) return void openWindow();
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (services && BrowserWindow.getAllWindows().length === 0) openWindow();
  });

  // Quitting waits (bounded) for the services to cancel jobs and flush, then quits for real.
  app.on('will-quit', (event) => {
    if (disposed || !services) return;
    event.preventDefault();
    const running = services;
    disposed = true;
    const timeout = new Promise((resolve) => setTimeout(resolve, DISPOSE_TIMEOUT_MS));
    void Promise.race([running.dispose(), timeout])
      .catch((error: unknown) => console.error('[infill] dispose failed:', error))
      .finally(() => app.quit());
  });

  app
    .whenReady()
    .then(async () => {
      // Without a log file (a read-only data folder) Infill still starts; the Help item is left out.
      const logFile = await openLogFile({ dataDir: app.getPath('userData') }).catch((error: unknown) => {
        console.error('[infill] the log file could not be opened:', error);
        return undefined;
      });
      protectInLogs(process.env.INFILL_API_KEY?.trim());
      scopedLogger('app').info('started', { shell: 'electron', version: app.getVersion(), platform: process.platform, electron: process.versions.electron });
      hardenSession(session.defaultSession);
      serveRendererOverAppProtocol(protocol, paths.renderer);
      // Native dialogs speak the Language setting, else the system's (set once services exist).
      let translate = createTranslator(pickLanguage(app.getPreferredSystemLanguages()));
      services = await createServices({
        dataDir: app.getPath('userData'),
        emit,
        workerScript: paths.worker,
        segmentWorkerScript: paths.segmentWorker,
        shell: 'electron',
        version: app.getVersion(),
        // Keys are encrypted with the OS keychain; main.ts is the only place that may hand it over.
        safeStorage,
        ...(process.env.INFILL_API_KEY ? { environmentKey: process.env.INFILL_API_KEY } : {}),
        chooseProjectPath: createProjectPathChooser(dialog, () => BrowserWindow.getFocusedWindow() ?? undefined, () => translate, app.getPath('documents')),
      });
      registerIpc(ipcMain, services.handlers);
      // The menu speaks the Language setting, else the system's; it is rebuilt when the setting changes.
      const installMenu = (language: Language | null) => {
        translate = createTranslator(language ?? pickLanguage(app.getPreferredSystemLanguages()));
        installApplicationMenu(Menu, {
          emit,
          isPackaged: app.isPackaged,
          platform: process.platform,
          t: translate,
          ...(logFile ? { openLogFolder: () => void shell.openPath(logFile.dir) } : {}),
        });
      };
      installMenu(services.preferences.get().language);
      services.preferences.onChange((preferences) => installMenu(preferences.language));
      openWindow();
    })
    .catch((error: unknown) => {
      console.error('[infill] startup failed:', error);
      dialog.showErrorBox('Infill could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}
