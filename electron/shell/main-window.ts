import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { APP_START_URL } from './app-protocol.ts';

/**
 * The renderer gets no Node, no Electron and no way around the web's rules: it is sandboxed,
 * isolated from the preload, and reaches main only through the preload's `window.infill`.
 */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 800,
    minHeight: 560,
    title: 'Infill',
    backgroundColor: '#1e1e1e',
    // Shown once painted, so the window does not flash white.
    show: false,
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // A file dropped outside the canvas's drop zone must not replace the app with file://.
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_START_URL);
  return window;
}
