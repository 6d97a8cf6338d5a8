/**
 * `npm run web`: Infill in a browser. Starts main's services without Electron, serves them and
 * the built renderer over the browser bridge on 127.0.0.1, and prints the one URL that gets in.
 */
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServices } from '../app/create-services.ts';
import { readVersion } from '../app/read-version.ts';
import { openLogFile } from '../log/log-file.ts';
import { protectInLogs, scopedLogger } from '../log/log.ts';
import { startBridge } from './bridge-server.ts';
import { createEventBroadcaster } from './event-stream.ts';
import { openInBrowser } from './open-browser.ts';
import { parseWebArgs, UsageError, WEB_USAGE, type WebOptions } from './web-options.ts';

// Built as out/main/web.js, beside fill-worker.js; the renderer is out/renderer.
const bundleDir = dirname(fileURLToPath(import.meta.url));

/** A second Ctrl+C while shutting down is ignored; this bounds how long shutdown may take. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

function parseOptions(): WebOptions {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(WEB_USAGE);
    process.exit(0);
  }
  try {
    return parseWebArgs(process.argv.slice(2), process.env, process.platform, homedir());
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${WEB_USAGE}`);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const options = parseOptions();
  mkdirSync(options.dataDir, { recursive: true });
  await openLogFile({ dataDir: options.dataDir }).catch((error: unknown) => console.error('[infill] the log file could not be opened:', error));
  protectInLogs(process.env.INFILL_API_KEY?.trim());
  scopedLogger('app').info('started', { shell: 'browser', version: readVersion(bundleDir), platform: process.platform, node: process.versions.node });
  const events = createEventBroadcaster();
  const services = await createServices({
    dataDir: options.dataDir,
    emit: events.emit,
    workerScript: join(bundleDir, 'fill-worker.js'),
    shell: 'browser',
    version: readVersion(bundleDir),
    // No safeStorage here: keys typed in the browser stay in memory unless the person opts in.
    ...(process.env.INFILL_API_KEY ? { environmentKey: process.env.INFILL_API_KEY } : {}),
  });
  const bridge = await startBridge({
    handlers: services.handlers,
    events,
    rendererDir: join(bundleDir, '../renderer'),
    port: options.port,
  }).catch(async (error: unknown) => {
    await services.dispose();
    const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    throw inUse ? new Error(`Port ${options.port} is already in use; pick another with --port, or 0 for any.`) : error;
  });

  // Exactly one line on stdout: people read it, and tests parse it.
  console.log(`Infill is running at ${bridge.url}`);
  if (options.open) openInBrowser(bridge.url);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS).unref();
    Promise.all([bridge.close(), services.dispose()])
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error('[infill] shutdown failed:', error);
        process.exit(1);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Infill could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
