/**
 * The desktop app itself, through Playwright's _electron. Runs only where an Electron binary
 * is installed; elsewhere the test is skipped and the run prints a banner saying so.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinary, ELECTRON_MISSING_REASON } from '../support/electronBinary';

const binary = electronBinary();

test.skip(!binary, `Electron suite did not run: ${ELECTRON_MISSING_REASON}`);

async function launch(dataDir: string) {
  const args = [path.resolve('.'), `--data-dir=${dataDir}`];
  // Chromium refuses its sandbox as root (CI runs as root); the renderer stays context-isolated.
  if (process.getuid?.() === 0) args.unshift('--no-sandbox');
  return electron.launch({ executablePath: binary ?? undefined, args });
}

test('the desktop app opens on the sample case, keeps a new claim across a restart, and exposes only the contract', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'claimdesk-electron-'));
  try {
    let app = await launch(dataDir);
    let page = await app.firstWindow();
    await expect(page.locator('.claim-card')).toHaveCount(14);
    const exposed = await page.evaluate(() => {
      const globals = window as unknown as Record<string, unknown>;
      return {
        keys: Object.keys(globals.claimdesk ?? {}).sort(),
        hasRequire: typeof globals.require,
        hasProcess: typeof globals.process,
      };
    });
    expect(exposed.keys).toContain('claims:create');
    expect(exposed.hasRequire).toBe('undefined');
    expect(exposed.hasProcess).toBe('undefined');

    await page.locator('.claim-card').first().locator('.claim-open').click();
    await page.getByRole('button', { name: 'Delete' }).click();
    await expect(page.locator('.claim-card')).toHaveCount(13);
    await app.close();

    app = await launch(dataDir);
    page = await app.firstWindow();
    await expect(page.locator('.claim-card')).toHaveCount(13);
    await app.close();
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
