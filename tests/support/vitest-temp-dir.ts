/**
 * vitest globalSetup: one temporary directory per run, handed to every test process (and the
 * CLI children they spawn) as their tmpdir(), and removed when the run ends. Without it each
 * run left a few hundred folders (asset stores, bridge data, CLI outputs) in the system's
 * temporary directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'infill-vitest-'));
  // os.tmpdir() reads TMPDIR on POSIX and TEMP/TMP on Windows.
  process.env.TMPDIR = dir;
  process.env.TEMP = dir;
  process.env.TMP = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
