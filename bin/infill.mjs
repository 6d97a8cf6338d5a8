#!/usr/bin/env node
// The `infill` command (package.json "bin"): runs the built CLI, out/main/cli.js.
// A plain .mjs so it needs no build step of its own; `npm run build` produces what it loads.
import { existsSync } from 'node:fs';

const cli = new URL('../out/main/cli.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('infill: the CLI is not built yet; run `npm run build` in the Infill folder first.');
  process.exit(1);
}
await import(cli.href);
