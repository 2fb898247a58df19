/**
 * The team-case screenshots of the README (docs/screenshots/team-*.png), taken by
 * `npm run screenshots` after the others: two desks (web hosts on fresh data folders) and a
 * throwaway PostgreSQL cluster; alice shares the sample case, bob joins, both change one
 * claim's status while bob works offline, and the conflict shows on bob's claim and in
 * alice's Team dialog.
 */
import path from 'node:path';
import { expect, type Browser } from '@playwright/test';
import { startTeamCluster } from '../electron/backend/testing/teamCluster';
import { TeamDesk } from '../e2e/support/teamDesk';

const CLAIM = 'Pantsir-S1 air defence could be part of a package.';

export async function teamScreenshots(browser: Browser, out: string): Promise<void> {
  const { cluster, url } = await startTeamCluster(['alice', 'bob']);
  const desks: TeamDesk[] = [];
  try {
    const alice = await TeamDesk.open(browser, 'alice');
    desks.push(alice);
    const bob = await TeamDesk.open(browser, 'bob');
    desks.push(bob);
    const share = (await alice.openTeam()).getByRole('form', { name: 'Share this case' });
    await share.getByLabel('Connection string').fill(url('alice'));
    await share.getByRole('button', { name: 'Share' }).click();
    await alice.closeTeam();
    await alice.addMember('bob', 'analyst');
    await bob.join(url('bob'), 'Russia and Venezuela, November 2025');
    const claimId = await bob.app.claimIdOf(bob.app.claimWorded(CLAIM));
    await bob.setOffline(true);
    await bob.editClaim(claimId, { status: 'Refuted' });
    await alice.editClaim(claimId, { status: 'Corroborated' });
    await expect(alice.badge).toHaveText('Synced', { timeout: 10_000 });
    await bob.setOffline(false);
    await expect(bob.badge).toHaveText('1 conflict', { timeout: 10_000 });
    await bob.card(claimId).locator('.claim-open').click();
    await bob.page.waitForTimeout(600);
    await bob.page.screenshot({ path: path.join(out, 'team-conflict.png') });
    await alice.openTeam();
    await alice.page.waitForTimeout(600);
    await alice.page.screenshot({ path: path.join(out, 'team.png') });
  } finally {
    await Promise.allSettled(desks.map((desk) => desk.close()));
    await cluster.stop();
  }
}
