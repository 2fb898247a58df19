/**
 * A damaged store: the web host starts into recovery instead of refusing to start, the app
 * shows what happened and the backups, and restoring one brings the app back on its case,
 * with the damaged file kept aside byte for byte.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '../support/fixtures';
import { WebHost } from '../support/webHost';

const GARBAGE = '{"schemaVersion": 5, "cases": [ {"id": "c1", "title": "half a case';
const CASE_TITLE = 'Case from before the damage';

const pad = (n: number) => String(n).padStart(2, '0');
/** The date as the recovery screen shows it: local time, to the minute. */
const shownDate = (d: Date) =>
  `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * Runs the web host once on `dataDir`: the sample case, plus a case of its own, saved and
 * backed up when the host stops. Returns the backup's name.
 */
async function storeWithOneBackup(dataDir: string): Promise<string> {
  const first = await WebHost.start(dataDir);
  expect(await first.call('cases:create', { title: CASE_TITLE })).toMatchObject({ ok: true });
  expect((await first.stop()).code).toBe(0);
  const backups = (await readdir(path.join(dataDir, 'backups'))).filter((n) =>
    /^claimdesk-\d{4}-.+\.json$/.test(n),
  );
  expect(backups).toHaveLength(1);
  return backups[0] ?? '';
}

test('a damaged store opens on the recovery screen; restoring the backup brings its case back', async ({
  page,
  dataDir,
}) => {
  const backup = await storeWithOneBackup(dataDir);
  const backupBytes = await readFile(path.join(dataDir, 'backups', backup));
  // A backup is a manifest naming its segments (copies kept in backups/segments), with counts.
  const held = JSON.parse(backupBytes.toString('utf8')) as {
    segments: { collection: string; count: number }[];
  };
  const counts = ['cases', 'documents', 'claims'].map((k) =>
    held.segments.filter((s) => s.collection === k).reduce((n, s) => n + s.count, 0),
  );
  expect(counts[0]).toBe(2);
  const stamp = /^claimdesk-(.+)T(\d\d)-(\d\d)-(.+)\.json$/.exec(backup) ?? [];
  const madeAt = new Date(`${stamp[1]}T${stamp[2]}:${stamp[3]}:${stamp[4]}`);

  await writeFile(path.join(dataDir, 'claimdesk.json'), GARBAGE);
  const host = await WebHost.start(dataDir);
  try {
    expect(host.output.text).toContain('is damaged: it is not valid JSON');
    expect(host.output.text).toContain('Starting in recovery');
    await page.goto(host.launchUrl);

    const screen = page.getByRole('main', { name: 'Claimdesk could not open its data' });
    await expect(screen).toContainText('is damaged: it is not valid JSON');
    await expect(screen).toContainText(path.join(dataDir, 'claimdesk.json'));
    await expect(screen).toContainText('moved aside under a new name');
    // Only the recovery screen: none of the app around it.
    await expect(page.getByRole('combobox', { name: 'Case' })).toHaveCount(0);

    const rows = screen.getByRole('row').filter({ has: page.locator('time') });
    await expect(rows).toHaveCount(1);
    const row = rows.first();
    await expect(row.locator('time')).toHaveAttribute('datetime', madeAt.toISOString());
    await expect(row.locator('time')).toHaveText(shownDate(madeAt));
    const [cases = 0, documents = 0, claims = 0] = counts;
    await expect(row).toContainText(
      `${count(cases, 'case')}, ${count(documents, 'document')}, ${count(claims, 'claim')}`,
    );
    // While the user reads, the damaged file is left exactly as it is.
    expect(await readFile(path.join(dataDir, 'claimdesk.json'), 'utf8')).toBe(GARBAGE);

    await row.getByRole('button', { name: 'Restore this backup' }).click();

    await expect(screen).toBeHidden();
    await expect(page.getByRole('combobox', { name: 'Case' }).locator('option:checked')).toHaveText(
      CASE_TITLE,
    );
    await expect(page.getByRole('combobox', { name: 'Case' }).locator('option')).toHaveCount(2);

    // The damaged store, set aside in a folder of its own, byte for byte.
    const names = await readdir(dataDir);
    const aside = names.filter((n) => /^claimdesk\.damaged-/.test(n));
    expect(aside).toHaveLength(1);
    expect(await readFile(path.join(dataDir, aside[0] ?? '', 'claimdesk.json'), 'utf8')).toBe(
      GARBAGE,
    );
    // And the app says what came back and where the damaged files are.
    await expect(page.locator('.notices')).toContainText(`Restored the backup ${backup}`);
    await expect(page.locator('.notices')).toContainText(aside[0] ?? '');
    // The backup itself is still there to go back to.
    expect(names).toContain('backups');
    expect(await readdir(path.join(dataDir, 'backups'))).toContain(backup);
  } finally {
    await host.stop();
  }
});

test('every other call is refused while the store is damaged, naming the problem', async ({
  dataDir,
}) => {
  await writeFile(path.join(dataDir, 'claimdesk.json'), GARBAGE);
  const host = await WebHost.start(dataDir);
  try {
    expect(host.output.text).toContain('left exactly as it is');
    const answer = (await host.call('cases:list', {})) as {
      ok: boolean;
      error: { code: string; message: string };
    };
    expect(answer.ok).toBe(false);
    expect(answer.error.code).toBe('store_unavailable');
    expect(answer.error.message).toContain('is damaged: it is not valid JSON');
    expect(answer.error.message).toContain('Open Claimdesk to choose a backup.');
    expect(await host.call('recovery:status', {})).toMatchObject({
      ok: true,
      value: { damaged: true, backups: [] },
    });
    expect(await readFile(path.join(dataDir, 'claimdesk.json'), 'utf8')).toBe(GARBAGE);
  } finally {
    await host.stop();
  }
});
