/**
 * Each test gets a fresh data dir on disk, a web host on it and a page model: the real
 * renderer, the real backend and the real files (STYLE.md, "Tests").
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';
import { AppPage } from './appPage';
import { WebHost } from './webHost';

interface Fixtures {
  dataDir: string;
  host: WebHost;
  app: AppPage;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring.
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'claimdesk-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  host: async ({ dataDir }, use) => {
    const host = await WebHost.start(dataDir);
    await use(host);
    await host.stop();
  },
  app: async ({ page, host }, use) => {
    const app = new AppPage(page);
    await app.open(host.launchUrl);
    await use(app);
  },
});

export { expect } from '@playwright/test';
