// `npm start` (after the build): the desktop app, or, where Electron's binary cannot be had
// (a closed network, a proxy, CI with ELECTRON_SKIP_BINARY_DOWNLOAD), the same app through
// the web host in the system browser, with one line saying why and how to get the binary
// (issue 12). Electron's package fetches its binary the first time it runs; that download is
// tried once here, quietly, instead of failing with the downloader's stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

/** The Electron binary's path when it is installed, else null. */
function electronBinary() {
  let dir;
  try {
    dir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function tryDownload() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return false;
  let installer;
  try {
    installer = require.resolve('electron/install.js');
  } catch {
    return false;
  }
  console.log('Fetching the Electron binary (about 100 MB, once)…');
  const result = spawnSync(process.execPath, [installer], { stdio: 'ignore', timeout: 300_000 });
  return result.status === 0;
}

const binary = electronBinary() ?? (tryDownload() ? electronBinary() : null);
if (binary) {
  const child = spawn(binary, [root, ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    'Claimdesk: the desktop shell needs the Electron binary, which could not be fetched here; ' +
      'opening the same app in your browser instead (to get the binary: npx install-electron, with network access).',
  );
  const host = spawn(process.execPath, [path.join(root, 'dist/web/host.mjs'), '--open', ...args], {
    stdio: 'inherit',
  });
  host.on('exit', (code) => process.exit(code ?? 0));
}
