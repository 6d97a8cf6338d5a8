import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

/**
 * Playwright cannot download its browsers on our machines: Debian's chromium is used where it
 * is installed (the flags keep it from reaching for Google's hosts), Playwright's own elsewhere.
 */
const debianChromium = '/usr/bin/chromium';

/**
 * An init script that hides Chromium's own Save dialog (File System Access), which Playwright
 * cannot drive: the app then saves by download, as in browsers without it.
 */
export const WITHOUT_SAVE_PICKER = "Object.defineProperty(window, 'showSaveFilePicker', { value: undefined, configurable: true, writable: true });";

export const chromiumLaunchOptions: LaunchOptions = existsSync(debianChromium)
  ? {
      executablePath: debianChromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    }
  : {};
