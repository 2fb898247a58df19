/**
 * Builds the app once before the suite (the specs drive what `npm start` and `npm run web`
 * would run), and says loudly when the Electron suite cannot run here.
 */
import { execFileSync } from 'node:child_process';
import { chromiumExecutable } from './browser';
import { electronBinary, ELECTRON_MISSING_REASON } from './electronBinary';

export function electronBanner(): string | null {
  if (electronBinary()) return null;
  const line = '!'.repeat(100);
  return `\n${line}\n!! ELECTRON SUITE DID NOT RUN: ${ELECTRON_MISSING_REASON}\n!! The web suite drives the same renderer and backend through the web host.\n${line}\n`;
}

export default function globalSetup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  console.log(`Chromium: ${chromiumExecutable() ?? "Playwright's own build"}`);
  const banner = electronBanner();
  if (banner) console.log(banner);
}
