/** What a user sees on first start, and when the store cannot be opened at all. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CURRENT_SCHEMA_VERSION } from '../../electron/backend/store/schema';
import { expect, test } from '../support/fixtures';
import { startExpectingFailure } from '../support/webHost';

test('a first start opens on the sample case', async ({ app }) => {
  await expect(
    app.page.getByRole('combobox', { name: 'Case' }).locator('option:checked'),
  ).toHaveText('Russia and Venezuela, November 2025');
  await expect(app.readerText).toContainText('Mark Galeotti');
  await expect(app.claimCards).toHaveCount(14);
  await expect(app.highlights).toHaveCount(14);
});

// A store file that is not JSON no longer stops the start: the host starts into recovery
// (recovery.spec.ts).

test('a store from a newer version is refused, naming both versions', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'claimdesk-newer-'));
  const file = path.join(dir, 'claimdesk.json');
  const newer = JSON.stringify({
    schemaVersion: CURRENT_SCHEMA_VERSION + 7,
    journalSeq: 0,
    cases: [],
    documents: [],
    claims: [],
  });
  await writeFile(file, newer);
  const result = await startExpectingFailure(dir);
  expect(result.code).toBe(1);
  expect(result.output).toContain(
    `store version ${CURRENT_SCHEMA_VERSION + 7}); this version reads store versions up to ${CURRENT_SCHEMA_VERSION}`,
  );
  expect(await readFile(file, 'utf8')).toBe(newer);
  await rm(dir, { recursive: true, force: true });
});

test('a second web host on the same data dir says the dir is in use and does not start', async ({
  host,
  dataDir,
}) => {
  expect(host.launchUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=/);
  const result = await startExpectingFailure(dataDir);
  expect(result.code).toBe(1);
  expect(result.output).toContain('in use by the Claimdesk web host');
  // The first host still answers.
  const response = await fetch(`${host.origin}/api/cases:list`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
    body: '{}',
  });
  expect(response.status).toBe(200);
});
