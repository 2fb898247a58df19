/** Issue 2, flow 3: quit and start again, and the case, document and claim are there, exactly. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CURRENT_SCHEMA_VERSION } from '../../electron/backend/store/schema';
import { AppPage } from '../support/appPage';
import { expect, test } from '../support/fixtures';
import { readStoreOnDisk } from '../support/storeOnDisk';
import { WebHost } from '../support/webHost';

const TEXT =
  'Transcript note: the briefing room was full and the questions ran long.\n' +
  'Maria Zakharova said Moscow condemns "excessive military force" in anti-drug operations.\n' +
  'Она заявила, что Россия готова ответить на запросы партнёров 🇷🇺 — and that is all.';

test('a case, document and claim survive a restart of the web host, and sit on disk as expected', async ({
  app,
  host,
  dataDir,
  page,
}) => {
  await app.createCase('Restart case', 'Does it persist?');
  await app.addDocument({ title: 'Zakharova statement', outlet: 'MFA', text: TEXT });
  await app.selectWithMouse('готова ответить на запросы партнёров');
  await app.createClaim('Russia is ready to answer its partners (Zakharova).');
  await expect(app.claimCards).toHaveCount(1);

  const stopped = await host.stop();
  expect(stopped.code).toBe(0);

  // On disk: the claim and the document record are in the store's segments; the text is not.
  const store = await readStoreOnDisk(dataDir);
  const cases = (store.records.cases ?? []) as { title: string }[];
  const documents = (store.records.documents ?? []) as { title: string; contentHash: string }[];
  const claims = (store.records.claims ?? []) as {
    text: string;
    anchor: { exact: string; start: number };
  }[];
  expect(store.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
  expect(cases.map((c) => c.title)).toContain('Restart case');
  const doc = documents.find((d) => d.title === 'Zakharova statement');
  expect(doc).toBeDefined();
  const claim = claims.find((c) => c.text.includes('Zakharova'));
  expect(claim?.anchor.exact).toBe('готова ответить на запросы партнёров');
  expect(claim?.anchor.start).toBe(TEXT.indexOf('готова'));
  // The text lives in its own file; the store holds only the quote and its short context.
  expect(store.raw).not.toContain('the briefing room was full');
  expect(await readFile(path.join(dataDir, 'texts', `${doc?.contentHash}.txt`), 'utf8')).toBe(TEXT);

  const restarted = await WebHost.start(dataDir);
  try {
    const again = new AppPage(page);
    await again.open(restarted.launchUrl);
    await expect(page.getByRole('combobox', { name: 'Case' })).toHaveValue(/.+/);
    await expect(page.getByRole('combobox', { name: 'Case' }).locator('option:checked')).toHaveText(
      'Restart case',
    );
    await expect(page.getByRole('heading', { name: 'Zakharova statement' })).toBeVisible();
    await expect(again.readerText).toHaveText(TEXT);
    await expect(again.claimCards).toHaveCount(1);
    await expect(again.claimCards.first().locator('.claim-text')).toHaveText(
      'Russia is ready to answer its partners (Zakharova).',
    );
    await expect(again.highlights.first()).toHaveText('готова ответить на запросы партнёров');
  } finally {
    await restarted.stop();
  }
});

test('an acknowledged claim survives the web host being killed (SIGKILL)', async ({
  app,
  host,
  dataDir,
  page,
}) => {
  await app.createCase('Crash case');
  await app.addDocument({
    title: 'Short note',
    text: 'Galeotti says Russia can do no more than diplomacy.',
  });
  await app.selectWithMouse('no more than diplomacy');
  await app.createClaim('Diplomacy only (Galeotti).');
  await expect(app.claimCards).toHaveCount(1);

  await host.kill();
  const restarted = await WebHost.start(dataDir);
  try {
    const again = new AppPage(page);
    await again.open(restarted.launchUrl);
    await expect(again.claimCards.first().locator('.claim-text')).toHaveText(
      'Diplomacy only (Galeotti).',
    );
  } finally {
    await restarted.stop();
  }
});
