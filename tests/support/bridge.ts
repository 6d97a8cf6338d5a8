import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningBridge {
  url: string;
  origin: string;
  dataDir: string;
  /** Everything the bridge printed on stdout and stderr so far (tests grep it for secrets). */
  output(): string;
  /**
   * Stops the process (SIGTERM, or `signal`: SIGKILL for a crash); the data folder is removed
   * unless it was passed in or `keepData` (a restart follows).
   */
  stop(options?: { keepData?: boolean; signal?: NodeJS.Signals }): Promise<void>;
}

export interface BridgeOptions {
  /** Reuse a data folder (a restart); it is then left in place by `stop`. */
  dataDir?: string;
}

const root = join(import.meta.dirname, '../..');

/** Starts the built browser bridge (`out/main/web.js`) on a random port with a fresh data folder. */
export async function startBridge(env: Record<string, string> = {}, options: BridgeOptions = {}): Promise<RunningBridge> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'infill-e2e-')));
  const child = spawn(process.execPath, [join(root, 'out/main/web.js'), '--port', '0', '--data-dir', dataDir], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const url = await waitForUrl(child);
  return {
    url,
    origin: new URL(url).origin,
    dataDir,
    output: () => printed,
    async stop(stopOptions = {}) {
      // A process ended by a signal has no exit code, only its signal.
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill(stopOptions.signal ?? 'SIGTERM');
        await exited;
      }
      if (!options.dataDir && !stopOptions.keepData) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`The bridge did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Infill is running at (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The bridge exited with ${code}:\n${output}`));
    });
  });
}
