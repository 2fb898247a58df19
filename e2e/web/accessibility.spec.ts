/**
 * Accessibility (issue 12): axe-core over every view and dialog of the sample case finds no
 * serious or critical violation.
 */
import { expect, test } from '../support/fixtures';
import { expectAccessible } from '../support/axe';

test('every view of the sample case passes axe', async ({ app, page }) => {
  // Nine full axe runs over the sample case: more than the default minute on a busy machine.
  test.setTimeout(180_000);
  await expect(app.claimCards.first()).toBeVisible();
  await expectAccessible(page, 'the reader');

  // A claim selected, its editor open, a passage selected for capture.
  const card = await app.selectClaim(app.claimCards.first());
  await expectAccessible(page, 'the reader with a claim selected');
  await app.editClaim(card);
  await expectAccessible(page, 'the claim editor');
  await page.keyboard.press('Escape');
  await app.selectWithMouse('As Washington builds up naval forces');
  await expect(app.capturePanel).toBeVisible();
  await expectAccessible(page, 'the capture panel');
  await page.keyboard.press('Escape');

  for (const view of ['Key judgments', 'Matrix', 'Evidence graph', 'Briefing'] as const) {
    await app.showView(view);
    await expectAccessible(page, `the ${view} view`);
  }
  await app.showView('Reader');
  await app.openEntity('Maria Zakharova');
  await expectAccessible(page, 'a speaker page');
});

test('every dialog passes axe', async ({ app, page }) => {
  await page.getByRole('button', { name: 'New case' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectAccessible(page, 'the New case dialog');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Paste text' }).click();
  await expect(page.getByRole('dialog', { name: 'Add document' })).toBeVisible();
  await expectAccessible(page, 'the Add document dialog');
  await page.keyboard.press('Escape');
  await app.dropFiles([
    { name: 'notes.txt', type: 'text/plain', bytes: new TextEncoder().encode('Some notes.') },
  ]);
  await expect(app.importDialog).toBeVisible();
  await expectAccessible(page, 'the Import document dialog');
});
