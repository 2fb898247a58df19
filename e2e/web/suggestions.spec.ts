/**
 * Issue 13: the app reads an imported article and suggests its claims; the analyst reviews
 * them from the keyboard (Enter accepts through the capture panel, filled in; Delete rejects;
 * Tab and Shift+Tab move), accepts all of one speaker's in one undoable edit, and finds it all
 * as left after a reload: the accepted ones are claims, the rejected one stays rejected.
 */
import path from 'node:path';
import { expect, test } from '../support/fixtures';

const FILE = path.resolve('e2e/fixtures/harbour-bridge.txt');
const TITLE = 'Harbour bridge to close';
const MARSH_QUOTE = 'We cannot keep sending buses over a structure we are no longer sure of';

test('suggested claims are reviewed from the keyboard, and accepted and rejected ones stay so', async ({
  app,
  page,
}) => {
  await app.createCase('Harbour bridge');
  await app.importFiles(FILE);
  const dialog = app.importDialog;
  await dialog.getByLabel('Title').fill(TITLE);
  await dialog.getByLabel('Outlet (optional)').fill('Coastal Times');
  await dialog.getByLabel('Published (optional)').fill('2026-02-10');
  await app.confirmImport(TITLE);

  // Read on import: each suggestion outlined in the text (never filled like a claim) and
  // listed beside it with its speaker, kind and cue.
  await expect(app.suggestions).toHaveCount(9);
  await expect(app.ghosts).toHaveCount(9);
  await expect(app.highlights).toHaveCount(0);
  const look = await app
    .ghost(MARSH_QUOTE)
    .evaluate((el) => [getComputedStyle(el).borderTopStyle, getComputedStyle(el).backgroundColor]);
  expect(look).toEqual(['dashed', 'rgba(0, 0, 0, 0)']);
  const marsh = app.suggestion(MARSH_QUOTE);
  await expect(marsh.locator('.speaker')).toHaveText('Helen Marsh');
  await expect(marsh).toContainText('Direct quote');
  await expect(marsh).toContainText('“said”');
  await expect(app.suggestion('warned about the girders')).toContainText('Reported by an outlet');

  // A click on a ghost selects its suggestion; Enter opens the capture panel filled in.
  await app.clickGhost(MARSH_QUOTE);
  await expect(app.selectedSuggestion).toContainText(MARSH_QUOTE);
  await app.suggestionList.focus();
  await expect(app.selectedSuggestion).toContainText(MARSH_QUOTE);
  await page.keyboard.press('Enter');
  const panel = app.acceptPanel;
  await expect(panel.locator('blockquote')).toHaveText(MARSH_QUOTE);
  await expect(panel.getByLabel(/^Kind/)).toHaveValue('direct_quote');
  await expect(panel.getByRole('button', { name: 'Remove speaker Helen Marsh' })).toBeVisible();
  await expect(panel.getByLabel('Cue')).toHaveValue('said');
  await expect(panel.getByLabel('Reported on')).toHaveValue('2026-02-10');
  // Nobody in the case has her name yet: she is proposed as a new person, with her role.
  await expect(panel.getByLabel('What Helen Marsh is')).toHaveValue('person');
  await expect(panel.getByLabel('Role of Helen Marsh')).toHaveValue("council's head of highways");
  await expect(panel.getByLabel('Claim, in your words (optional)')).toBeFocused();
  await page.keyboard.type('The council no longer trusts the bridge with buses.');
  await panel.getByRole('button', { name: 'Accept claim' }).click();
  await expect(panel).toBeHidden();

  const card = app.claimCard('The council no longer trusts the bridge with buses.');
  await expect(card.locator('.claim-quote')).toHaveText(MARSH_QUOTE);
  await expect(card.locator('.attribution')).toContainText('Helen Marsh → Coastal Times');
  await expect(app.highlights).toHaveCount(1);
  await expect(app.highlights.first()).toHaveText(MARSH_QUOTE);
  await expect(app.suggestions).toHaveCount(8);
  await expect(app.ghost(MARSH_QUOTE)).toHaveCount(0);
  await expect(app.people.getByRole('button', { name: /^Helen Marsh/ })).toBeVisible();

  // The keys are back on the list, at the next suggestion: Tab moves on, Shift+Tab back.
  await expect(app.suggestionList).toBeFocused();
  await expect(app.selectedSuggestion).toContainText('Closing it now');
  await page.keyboard.press('Tab');
  await expect(app.selectedSuggestion).toContainText('the repairs would cost');
  await page.keyboard.press('Shift+Tab');
  await expect(app.selectedSuggestion).toContainText('Closing it now');
  await page.keyboard.press('Tab');

  // Delete rejects, and the next one is selected.
  await page.keyboard.press('Delete');
  await expect(app.suggestion('the repairs would cost')).toHaveCount(0);
  await expect(app.ghost('the repairs would cost')).toHaveCount(0);
  await expect(app.selectedSuggestion).toContainText('ferries would run');
  await expect(app.suggestionsPanel).toContainText('1 already captured · 1 rejected');

  // All of one speaker's at once, as one edit: one undo takes both back.
  await app.suggestion('footfall in the old town').click();
  await app.suggestionsPanel
    .getByRole('button', { name: 'Accept all 2 claims by Tom Aldous' })
    .click();
  await expect(app.claimCards).toHaveCount(3);
  await expect(app.suggestions.filter({ hasText: 'Tom Aldous' })).toHaveCount(0);
  await expect(app.highlights).toHaveCount(3);
  await app.undoButton.click();
  await expect(app.claimCards).toHaveCount(1);
  await expect(app.suggestions.filter({ hasText: 'Tom Aldous' })).toHaveCount(2);
  await app.redoButton.click();
  await expect(app.claimCards).toHaveCount(3);
  await expect(app.suggestions).toHaveCount(5);

  // The same keys work in the text once a ghost is clicked: Tab moves on, Delete rejects.
  await app.clickGhost('warned about the girders');
  await expect(app.selectedSuggestion).toContainText('warned about the girders');
  await expect(app.readerText).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(app.selectedSuggestion).toContainText('reportedly expected to run over budget');
  await page.keyboard.press('Delete');
  await expect(app.suggestions).toHaveCount(4);
  await expect(app.ghost('run over budget')).toHaveCount(0);
  await expect(app.suggestionsPanel).toContainText('3 already captured · 2 rejected');

  // After a reload: the accepted ones are claims; suggestions come on demand, without the
  // rejected ones.
  await page.reload();
  await expect(app.readerHeading).toHaveText(TITLE);
  await expect(app.claimCards).toHaveCount(3);
  await expect(app.highlights).toHaveCount(3);
  await expect(app.suggestionsPanel).toBeHidden();
  await page.getByRole('button', { name: 'Suggest claims' }).click();
  await expect(app.suggestions).toHaveCount(4);
  await expect(app.suggestion('the repairs would cost')).toHaveCount(0);
  await expect(app.suggestion('run over budget')).toHaveCount(0);
  await expect(app.ghosts).toHaveCount(4);
  await expect(app.suggestionsPanel).toContainText('3 already captured · 2 rejected');
});

test('a passage selected by hand is still the analyst’s own claim while suggestions show', async ({
  app,
}) => {
  await app.createCase('Harbour bridge');
  await app.importFiles(FILE);
  await app.importDialog.getByLabel('Title').fill(TITLE);
  await app.confirmImport(TITLE);
  await expect(app.suggestions).toHaveCount(9);

  // Part of a suggested passage, selected by hand: a plain claim, and that suggestion is
  // no longer offered (it overlaps the analyst's claim).
  await app.selectWithMouse('ferries would run every twenty minutes');
  await app.createClaim('Ferries every twenty minutes during the closure.');
  await expect(app.claimCards).toHaveCount(1);
  await expect(
    app.claimCard('Ferries every twenty minutes').locator('.attribution'),
  ).not.toContainText('Helen Marsh');
  await expect(app.suggestions).toHaveCount(8);
  await expect(app.suggestion('ferries would run')).toHaveCount(0);
});
