import type { App, WebContents } from 'electron';
import { isAppUrl } from './app-protocol.ts';

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Every web contents (windows, and anything a compromised page might try to create) stays on
 * the app's own origin: no navigation or redirect elsewhere, no popups, no <webview>.
 * Downloads (the renderer exports through a blob `<a download>`) are not navigations and keep
 * Electron's default save dialog.
 */
export function hardenWebContents(contents: GuardedContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Applies `hardenWebContents` to each web contents as it is created, before it loads anything. */
export function guardAllWebContents(app: Pick<App, 'on'>): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
