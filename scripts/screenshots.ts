/**
 * `npm run screenshots`: retakes the README's screenshots (docs/screenshots/) by driving the
 * built app through the web host in Chromium, on the sample case in a fresh data folder, as
 * a user would. Needs `npm run build` first.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, expect } from '@playwright/test';
import { AppPage } from '../e2e/support/appPage';
import { CHROMIUM_ARGS, chromiumExecutable } from '../e2e/support/browser';
import { WebHost } from '../e2e/support/webHost';
import { teamScreenshots } from './teamScreenshots';

const OUT = path.resolve('docs/screenshots');
/** A short article of our own, for the suggestions screenshot. */
const ARTICLE = [
  'The harbour council voted on Tuesday to delay the new ferry terminal by a year.',
  '"We cannot ask residents to pay for a terminal nobody has costed," said Ruth Okafor, the council\'s finance chair.',
  'Mayor Daniel Brandt told the Coastal Times that the delay would cost the town its state grant.',
  'According to the harbour authority, traffic through the port fell by a fifth last winter.',
  'The builder has reportedly already ordered the steel.',
].join('\n\n');
const GALEOTTI = 'If the US moves to topple Maduro, Russia can do no more than diplomacy.';

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'claimdesk-shots-'));
  const host = await WebHost.start(dir);
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const app = new AppPage(page);
    await app.open(host.launchUrl);
    await expect(app.claimCards.first()).toBeVisible();
    const shot = async (name: string) => {
      // Notices fade; the screenshot shows the screen at rest.
      await page.waitForTimeout(600);
      await page.screenshot({ path: path.join(OUT, `${name}.png`) });
      console.log(`docs/screenshots/${name}.png`);
    };

    // The reader: a claim selected, its score opened to the breakdown, its evidence shown.
    const card = await app.selectClaim(app.claimWorded(GALEOTTI));
    await app.openBreakdown(card);
    await shot('reader');

    // Suggestions beside the text of a new document (the sample's passages are all captured).
    await app.addDocument({ title: 'Harbour council vote', text: ARTICLE });
    await expect(page.locator('.ghost').first()).toBeVisible({ timeout: 20_000 });
    await shot('suggestions');
    await page.getByRole('button', { name: /^Hide/ }).first().click();
    await page
      .getByRole('navigation', { name: 'Cases and documents' })
      .getByRole('button', { name: /^Moscow's options/ })
      .click();

    await app.showView('Key judgments');
    await shot('judgments');
    await app.showView('Matrix');
    await shot('matrix');
    await app.showView('Evidence graph');
    await page.waitForTimeout(1500);
    await shot('graph');
    await app.newNote('Will Moscow intervene?');
    await shot('briefing');

    await teamScreenshots(browser, OUT);
    console.log('docs/screenshots/team.png, docs/screenshots/team-conflict.png');
  } finally {
    await browser.close();
    await host.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
