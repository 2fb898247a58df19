/**
 * A case import into a store that grades a person or outlet differently (issue 11): the
 * import keeps this store's grades, lists every conflict, and the analyst chooses per entity
 * whose grade to keep, this store's by default. Nothing changes without a word.
 */
import { downloadFrom } from '../support/exportedFiles';
import { expect, test } from '../support/fixtures';

const CASE_FILE = 'Russia and Venezuela, November 2025.claimdesk.json';

test('importing a case that grades two people differently asks, per entity, whose grade to keep', async ({
  app,
}, testInfo) => {
  // The file grades Galeotti and Radio Liberty B; this store then regrades them.
  const file = await downloadFrom(app.page, app.exportCaseButton('JSON'), testInfo);
  await app.gradeEntity('Mark Galeotti', 'A');
  await app.gradeEntity('Radio Liberty', 'D');

  await app.importCaseFile(file.path, 'new case');
  const dialog = app.page.getByRole('dialog', { name: 'Grades that differ' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(
    `${CASE_FILE} grades 2 people or outlets differently from this store. The import kept your grades; choose for each which to keep.`,
  );
  const galeotti = dialog.getByRole('group', { name: 'Mark Galeotti' });
  const liberty = dialog.getByRole('group', { name: 'Radio Liberty' });
  // This store's grade is the default for each.
  await expect(
    galeotti.getByRole('radio', { name: 'Keep mine (A: completely reliable)' }),
  ).toBeChecked();
  await expect(
    galeotti.getByRole('radio', { name: 'Take the imported grade (B: usually reliable)' }),
  ).not.toBeChecked();
  await expect(
    liberty.getByRole('radio', { name: 'Keep mine (D: not usually reliable)' }),
  ).toBeChecked();

  await liberty
    .getByRole('radio', { name: 'Take the imported grade (B: usually reliable)' })
    .check();
  await dialog.getByRole('button', { name: 'Apply these grades' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    app.notices.filter({
      hasText: `Grades after importing ${CASE_FILE}: 1 imported grade taken, 1 grade of this store kept.`,
    }),
  ).toBeVisible();

  await expect(
    (await app.openEntity('Mark Galeotti')).getByText('Source reliability: A —'),
  ).toBeVisible();
  await expect(
    (await app.openEntity('Radio Liberty')).getByText('Source reliability: B —'),
  ).toBeVisible();
});

test('importing a case graded as this store grades it asks nothing', async ({ app }, testInfo) => {
  const file = await downloadFrom(app.page, app.exportCaseButton('JSON'), testInfo);
  await app.importCaseFile(file.path, 'new case');
  await expect(app.notices.filter({ hasText: `Imported ${CASE_FILE}` })).toBeVisible();
  await expect(app.page.getByRole('dialog', { name: 'Grades that differ' })).toHaveCount(0);
});
