// `npm start` (after `npm run build`): the Electron app when its binary is installed, else the
// same app in the system browser through the browser bridge. The binary cannot be downloaded on
// every machine (see TOOLCHAIN.md), so this never `require('electron')`: that module throws, or
// tries to download, when the binary is missing.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The Electron executable named by node_modules/electron/path.txt, if it is really there. */
function installedElectronBinary() {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  if (!relative) return null;
  const binary = join(root, 'node_modules', 'electron', 'dist', relative);
  return existsSync(binary) ? binary : null;
}

/** Runs a child with our stdio, passes our signals on, and exits as it exits. */
function runForwarding(command, args, env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => forward(signal));
  child.on('error', (error) => {
    console.error(`Could not start ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    if (code !== null) process.exit(code);
    // Died of a signal: do the same, so a parent shell sees why.
    process.kill(process.pid, signal ?? 'SIGTERM');
  });
}

/**
 * Install scripts are off (package.json allowScripts), so the first start downloads the binary
 * with Electron's own installer. Where there is no network it fails within a second.
 */
function tryDownloadingElectron() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1') return null;
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return null;
  const result = spawnSync(process.execPath, [installer], { cwd: join(root, 'node_modules', 'electron'), stdio: 'ignore', timeout: 300_000 });
  return result.status === 0 ? installedElectronBinary() : null;
}

const forwardedArgs = process.argv.slice(2);
const electron = installedElectronBinary() ?? tryDownloadingElectron();
if (electron) {
  const env = { ...process.env };
  // Inherited from some tools; it would make the binary behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  runForwarding(electron, ['.', ...forwardedArgs], env);
} else {
  console.log(
    "Electron's binary is not installed here (it could not be downloaded), so Infill opens in your browser through the browser bridge instead.",
  );
  runForwarding(process.execPath, [join(root, 'out', 'main', 'web.js'), '--open', ...forwardedArgs], process.env);
}
