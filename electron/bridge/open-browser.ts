import { spawn } from 'node:child_process';

/**
 * Best effort: asks the desktop to open `url` in the default browser. Failure (no desktop, no
 * xdg-open) is fine, the URL is printed anyway.
 */
export function openInBrowser(url: string, platform: NodeJS.Platform = process.platform): void {
  const [command, args] =
    platform === 'darwin'
      ? ['open', [url]]
      : platform === 'win32'
        ? // `start` is a cmd builtin; its first quoted argument is a window title.
          ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true, windowsHide: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // Ignored: opening the browser is a convenience.
  }
}
