/**
 * Which Chromium the suite drives, decided at run time (DESIGN.md, "Environment facts"):
 * CHROMIUM_PATH if set, else a system Chromium (Debian's /usr/bin/chromium), else
 * Playwright's own build (`npx playwright install chromium` on a machine that can fetch it).
 */
import { existsSync } from 'node:fs';

const SYSTEM_CHROMIUMS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  return SYSTEM_CHROMIUMS.find((p) => existsSync(p));
}

/** Flags that keep Chromium from calling home on a closed network. */
export const CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
