/**
 * Undo and redo (issue 3): from the keyboard and the toolbar, for creating and editing a
 * claim; what is on disk after an undo; and the history a claim keeps of its edits.
 */
import { AppPage } from '../support/appPage';
import { expect, test } from '../support/fixtures';
import { readStoreOnDisk } from '../support/storeOnDisk';
import { WebHost } from '../support/webHost';

const NOTE = {
  title: 'Duma remarks',
  outlet: 'Lenta.ru',
  publishedAt: '2025-11-01',
  text:
    'Alexey Chepa said Russia would help Venezuela within the strategic partnership agreement.\n\n' +
    'He cautioned that the war with the entire NATO bloc limits what Moscow can do.',
};

/** Moves focus out of any field, as a click on the pane's heading does. */
async function focusOutsideFields(app: AppPage): Promise<void> {
  await app.claimsPane.getByRole('heading', { name: /^Claims/ }).click();
  expect(await app.page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
}

test('Ctrl+Z undoes creating a claim and Ctrl+Shift+Z redoes it', async ({ app, page }) => {
  await app.createCase('Keyboard undo');
  await app.addDocument(NOTE);
  const quote = 'the entire NATO bloc limits what Moscow can do';
  await app.selectWithMouse(quote);
  await app.createClaim('NATO limits Moscow (Chepa).');
  await expect(app.claimCards).toHaveCount(1);
  await expect(app.highlights).toHaveText([quote]);

  await focusOutsideFields(app);
  await page.keyboard.press('Control+z');
  await expect(app.claimCards).toHaveCount(0);
  await expect(app.highlights).toHaveCount(0);
  await expect(app.notices.filter({ hasText: 'Undone: Create claim' })).toBeVisible();

  await page.keyboard.press('Control+Shift+z');
  await expect(app.claimCard('NATO limits Moscow (Chepa).')).toHaveCount(1);
  await expect(app.highlights).toHaveText([quote]);
  await expect(app.notices.filter({ hasText: 'Redone: Create claim' })).toBeVisible();
});

test('Ctrl+Z in a text field is the field’s own undo, not the app’s', async ({ app, page }) => {
  await app.createCase('Field undo');
  await app.addDocument(NOTE);
  await app.selectWithMouse('within the strategic partnership agreement');
  await app.createClaim('Help within the agreement.');
  await app.searchBox.fill('agreement');
  await app.searchBox.press('Control+z');
  await expect(app.claimCards).toHaveCount(1);
  await expect(app.undoButton).toBeEnabled();
  await expect(page.getByText('Undone:')).toHaveCount(0);
});

test('the toolbar’s Undo and Redo name the edit and do the same', async ({ app }) => {
  await app.createCase('Toolbar undo');
  await app.addDocument(NOTE);
  await expect(app.undoButton).toHaveAttribute(
    'title',
    'Undo: Add document “Duma remarks” (Ctrl+Z)',
  );
  await expect(app.redoButton).toBeDisabled();
  await expect(app.redoButton).toHaveAttribute('title', 'Nothing to redo');

  const quote = 'Russia would help Venezuela';
  await app.selectWithMouse(quote);
  await app.createClaim('Russia will help (Chepa).');
  await expect(app.undoButton).toHaveAttribute('title', 'Undo: Create claim (Ctrl+Z)');

  await app.undoButton.click();
  await expect(app.claimCards).toHaveCount(0);
  await expect(app.highlights).toHaveCount(0);
  await expect(app.redoButton).toHaveAttribute('title', 'Redo: Create claim (Ctrl+Shift+Z)');
  await expect(app.undoButton).toHaveAttribute(
    'title',
    'Undo: Add document “Duma remarks” (Ctrl+Z)',
  );

  await app.redoButton.click();
  await expect(app.claimCard('Russia will help (Chepa).')).toHaveCount(1);
  await expect(app.highlights).toHaveText([quote]);
  await expect(app.redoButton).toBeDisabled();
  await expect(app.undoButton).toHaveAttribute('title', 'Undo: Create claim (Ctrl+Z)');
});

test('undoing an edit of a claim’s wording brings the old wording back', async ({ app }) => {
  const card = app.claimCard('Venezuela holds over 5,000 Igla-S MANPADS');
  await app.rewordClaim(card, 'Venezuela has thousands of Igla-S launchers.');
  await expect(app.undoButton).toHaveAttribute('title', 'Undo: Edit claim (Ctrl+Z)');

  await app.undoButton.click();
  await expect(app.claimCard('Venezuela has thousands of Igla-S launchers.')).toHaveCount(0);
  await expect(card.locator('.claim-text')).toHaveText(
    'Venezuela holds over 5,000 Igla-S MANPADS ("reportedly").',
  );
  await expect(app.claimCards).toHaveCount(14);
});

test('after an undo and a restart, the store on disk holds what the UI showed', async ({
  app,
  host,
  dataDir,
  page,
}) => {
  await app.createCase('Undo on disk');
  await app.addDocument(NOTE);
  await app.selectWithMouse('Russia would help Venezuela');
  await app.createClaim('Kept claim.');
  await app.selectWithMouse('the entire NATO bloc');
  await app.createClaim('Undone claim.');
  await app.rewordClaim(app.claimCard('Kept claim.'), 'Kept claim, reworded.');
  await app.undoButton.click(); // the rewording
  await expect(app.claimCard('Kept claim.')).toHaveCount(1);
  await app.undoButton.click(); // the second claim
  await expect(app.claimCards).toHaveCount(1);
  await expect(app.undoButton).toHaveAttribute('title', 'Undo: Create claim (Ctrl+Z)');
  const shown = await app.claimCards.locator('.claim-text').allTextContents();
  expect(shown).toEqual(['Kept claim.']);

  expect((await host.stop()).code).toBe(0);
  const store = await readStoreOnDisk(dataDir);
  const cases = (store.records.cases ?? []) as { id: string; title: string }[];
  const claims = (store.records.claims ?? []) as {
    caseId: string;
    text: string;
    anchor: { exact: string };
  }[];
  const caseId = cases.find((c) => c.title === 'Undo on disk')?.id;
  const onDisk = claims.filter((c) => c.caseId === caseId);
  expect(onDisk.map((c) => c.text)).toEqual(shown);
  expect(onDisk[0]?.anchor.exact).toBe('Russia would help Venezuela');

  const restarted = await WebHost.start(dataDir);
  try {
    const again = new AppPage(page);
    await again.open(restarted.launchUrl);
    await expect(page.getByRole('combobox', { name: 'Case' }).locator('option:checked')).toHaveText(
      'Undo on disk',
    );
    await expect(again.claimCards.locator('.claim-text')).toHaveText(shown);
    await expect(again.highlights).toHaveText(['Russia would help Venezuela']);
  } finally {
    await restarted.stop();
  }
});

test('a claim’s History lists its creation and each edit with the field that changed', async ({
  app,
}) => {
  await app.createCase('History');
  await app.addDocument(NOTE);
  await app.selectWithMouse('Russia would help Venezuela');
  await app.createClaim('First wording.');
  const card = app.claimCards.first();
  await app.rewordClaim(card, 'Second wording.');

  const editor = await app.editClaim(card);
  await editor.getByText('History', { exact: true }).click();
  const history = editor.getByRole('list', { name: 'History' });
  const entries = history.locator(':scope > li');
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0).locator('.history-head strong')).toHaveText('created');
  await expect(entries.nth(1).locator('.history-head strong')).toHaveText('edited');
  await expect(entries.nth(1).getByRole('listitem')).toHaveText([
    'text: First wording. → Second wording.',
  ]);
  await expect(entries.nth(1).locator('del')).toHaveText('First wording.');
  await expect(entries.nth(1).locator('ins')).toHaveText('Second wording.');
});
