/**
 * New versions of a document (issue 12): the import dialog pre-fills the source details of
 * the version before it, and the claims moved to the new version keep their chain ending at
 * the document's outlet.
 */
import { expect, test } from '../support/fixtures';
import { writeFixture } from '../support/files';

const CHEPA =
  'Alexey Chepa told Lenta.ru that Russia would help Venezuela to the best of its ability.';
const V1 = `${CHEPA}\n\nHe said the war with the entire NATO bloc limits Moscow.`;
const V2 = `Updated on 2 November.\n\n${V1}`;
const SOURCE = {
  outlet: 'Defence Daily',
  author: 'Jane Reporter',
  url: 'https://defence.example/chepa',
  publishedAt: '2025-11-01',
};

test('a new version of a file keeps its source details and its claims keep their outlet', async ({
  app,
}, testInfo) => {
  await app.createCase('Versions');
  const file = testInfo.outputPath('chepa.txt');

  // First version: the analyst enters the source details a text file cannot carry.
  await app.importFiles(await writeFixture(file, V1));
  const dialog = app.importDialog;
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Title').fill('Chepa on help to Caracas');
  await dialog.getByLabel('Outlet (optional)').fill(SOURCE.outlet);
  await dialog.getByLabel('Author (optional)').fill(SOURCE.author);
  await dialog.getByLabel('URL (optional)').fill(SOURCE.url);
  await dialog.getByLabel('Published (optional)').fill(SOURCE.publishedAt);
  await app.confirmImport('Chepa on help to Caracas');

  await app.selectWithMouse('Russia would help Venezuela to the best of its ability');
  await app.createClaim('Russia will help as far as it can.');
  const card = app.claimWorded('Russia will help as far as it can.');
  await expect(card.locator('.attribution')).toContainText(`→ ${SOURCE.outlet}`);

  // The edited file, same name: every detail comes back, and each can still be changed.
  await app.importFiles(await writeFixture(file, V2));
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /^New version of/ })).toBeChecked();
  await expect(dialog.getByLabel('Outlet (optional)')).toHaveValue(SOURCE.outlet);
  await expect(dialog.getByLabel('Author (optional)')).toHaveValue(SOURCE.author);
  await expect(dialog.getByLabel('URL (optional)')).toHaveValue(SOURCE.url);
  await expect(dialog.getByLabel('Published (optional)')).toHaveValue(SOURCE.publishedAt);
  await dialog.getByLabel('Author (optional)').fill('J. Reporter');
  // A separate document starts blank; back to "new version", the details return, the edit kept.
  await dialog.getByRole('radio', { name: 'A separate document' }).check();
  await expect(dialog.getByLabel('Outlet (optional)')).toHaveValue('');
  await dialog.getByRole('radio', { name: /^New version of/ }).check();
  await expect(dialog.getByLabel('Outlet (optional)')).toHaveValue(SOURCE.outlet);
  await expect(dialog.getByLabel('Author (optional)')).toHaveValue('J. Reporter');
  await app.confirmImport('Chepa on help to Caracas');

  await expect(app.readerText).toContainText('Updated on 2 November.');
  await expect(app.highlights).toHaveCount(1);
  await expect(card.locator('.attribution')).toContainText(`→ ${SOURCE.outlet}`);
  // The outlet filter still finds the moved claim through the document's outlet.
  const byOutlet = app.page.getByRole('combobox', { name: 'Filter by outlet' });
  await expect(byOutlet).toContainText(SOURCE.outlet);
});

test('a quote whose words a new version changed is shown before and after, to confirm or edit', async ({
  app,
}) => {
  await app.createCase('Quote changed');
  const before = 'Russia would help to the best of its ability';
  const text = `Alexey Chepa said ${before}, within the treaty. Galeotti disagreed with him on almost every point.`;
  const file = test.info().outputPath('Chepa.txt');
  await app.importFiles(await writeFixture(file, text));
  await app.confirmImport('Chepa');
  await app.selectWithMouse(before);
  await app.createClaim('Russia will help within limits.');
  await app.selectWithMouse('Galeotti disagreed with him on almost every point');
  await app.createClaim('Galeotti disagrees.');

  await app.importFiles(
    await writeFixture(
      file,
      text
        .replace('ability', 'abilities')
        .replace('Galeotti disagreed', 'Galeotti firmly disagreed'),
    ),
  );
  const dialog = app.importDialog;
  await expect(dialog.getByRole('radio', { name: /^New version of “Chepa”/ })).toBeChecked();
  await app.confirmImport('Chepa');

  const card = app.claimWorded('Russia will help within limits.');
  const change = card.getByRole('region', { name: 'Quote changed in the new version' });
  await expect(card.locator('.badge.quote-changed')).toHaveText('Quote changed');
  await expect(change.locator('.quote-before')).toHaveText(before);
  await expect(change.locator('.quote-after')).toHaveText(
    `${before.replace('ability', 'abilities')}`,
  );
  await change.getByRole('button', { name: 'Confirm' }).click();
  await expect(change).toHaveCount(0);
  await expect(card.locator('.badge.quote-changed')).toHaveCount(0);

  // The other claim's words changed too ("firmly"): Edit opens the editor, Save settles it.
  const other = app.claimWorded('Galeotti disagrees.');
  await other
    .getByRole('region', { name: 'Quote changed in the new version' })
    .getByRole('button', { name: 'Edit' })
    .click();
  const editor = app.page.getByRole('form', { name: 'Edit claim' });
  await expect(editor).toContainText('Saving confirms the new quote.');
  await editor.getByLabel('Claim wording').fill('Galeotti firmly disagrees.');
  await editor.getByRole('button', { name: 'Save' }).click();
  const saved = app.claimWorded('Galeotti firmly disagrees.');
  await expect(saved.locator('.badge.quote-changed')).toHaveCount(0);
  await saved.getByRole('button', { name: 'Edit' }).click();
  await editor.getByText('History').click();
  await expect(editor.getByRole('list', { name: 'History' })).toContainText('re-anchored');
});
