/**
 * Whether an Electron binary is installed, found without `require('electron')`, which since
 * Electron 41 downloads the binary on first use and would hang on a closed network.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const electronDir = path.resolve('node_modules', 'electron');

export function electronBinary(): string | null {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (override) {
    const candidate = path.join(override, relative ?? 'electron');
    return existsSync(candidate) ? candidate : null;
  }
  if (!relative) return null;
  const binary = path.join(electronDir, 'dist', relative);
  return existsSync(binary) ? binary : null;
}

export const ELECTRON_MISSING_REASON =
  'no Electron binary in node_modules/electron/dist (this machine cannot download it; ' +
  'CI sets ELECTRON_SKIP_BINARY_DOWNLOAD=1). Run `npx install-electron` where the network allows, then `npm run test:e2e`.';
