// Test-only entry that runs the TypeScript fill worker in a worker thread.
// On Node 20, `execArgv: ['--import', 'tsx']` does not apply tsx's loader to a worker's own
// entry file (ERR_UNKNOWN_FILE_EXTENSION for .ts), but registering tsx from inside the
// worker does. Messages posted before the import finishes are queued by the port.
import { register } from 'tsx/esm/api';

register();
await import('../fill-worker.ts');
