import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Infill's version from package.json, which sits two folders up from both the built entry
 * points (out/main/*.js) and their sources (electron/<folder>/*.ts). "unknown" if unreadable.
 */
export function readVersion(entryDir: string): string {
  try {
    const pkg = JSON.parse(readFileSync(join(entryDir, '../../package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}
