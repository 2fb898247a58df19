/**
 * Highlights in the reader (issue 3): coloured by kind or by status, a click selects the
 * claim, and overlapping claims are both drawn, the overlap darker.
 */
import { expect, test } from '../support/fixtures';

const IGLA_QUOTE =
  'Venezuela reportedly holds more than 5,000 Igla-S portable air-defence missiles';
const IGLA_TEXT = 'Venezuela holds over 5,000 Igla-S MANPADS ("reportedly").';

test('highlights are coloured by kind, or by status when switched', async ({ app, page }) => {
  const colourBy = page.getByRole('combobox', { name: 'Colour by' });
  const nato = app.highlights.filter({ hasText: '"the entire NATO bloc"' }).first();
  const igla = app.highlights.filter({ hasText: IGLA_QUOTE });
  await expect(colourBy).toHaveValue('kind');
  await expect(nato).toHaveClass(/(^| )kind-direct_quote( |$)/);
  await expect(igla).toHaveClass(/(^| )kind-unattributed( |$)/);
  await expect(page.getByRole('list', { name: 'Legend' }).getByRole('listitem')).toHaveText([
    'Direct quote',
    'Indirect speech',
    'Reported by an outlet',
    'Unattributed',
    "Analyst's inference",
  ]);

  // Dispute one claim, so that status colours differ.
  const editor = await app.editClaim(app.claimCard(IGLA_TEXT));
  await editor.getByLabel('Status').selectOption({ label: 'Disputed' });
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();

  await colourBy.selectOption({ label: 'Status' });
  await expect(nato).toHaveClass(/(^| )status-unverified( |$)/);
  await expect(nato).not.toHaveClass(/kind-/);
  await expect(igla).toHaveClass(/(^| )status-disputed( |$)/);
  await expect(page.getByRole('list', { name: 'Legend' }).getByRole('listitem')).toHaveText([
    'Unverified',
    'Corroborated',
    'Disputed',
    'Refuted',
  ]);
  // Each highlight is coloured, whichever the scheme.
  for (const mark of await app.highlights.all()) await expect(mark).toHaveClass(/status-\w+/);

  await colourBy.selectOption({ label: 'Kind' });
  await expect(igla).toHaveClass(/(^| )kind-unattributed( |$)/);
  await expect(igla).not.toHaveClass(/status-/);
});

test('clicking a highlight selects its claim card', async ({ app }) => {
  await expect(app.selectedCard).toHaveCount(0);
  await app.highlights.filter({ hasText: 'Pantsir-S1 air defence systems' }).click();
  await expect(app.selectedCard).toHaveCount(1);
  await expect(app.selectedCard.locator('.claim-text')).toHaveText(
    'Pantsir-S1 air defence could be part of a package.',
  );
  await expect(app.highlights.filter({ hasText: 'Pantsir-S1 air defence systems' })).toHaveClass(
    /(^| )active( |$)/,
  );

  await app.highlights.filter({ hasText: 'Igla-S' }).click();
  await expect(app.selectedCard.locator('.claim-text')).toHaveText(IGLA_TEXT);
  await expect(app.highlights.filter({ hasText: 'Pantsir-S1' })).not.toHaveClass(/active/);
});

test('a claim inside another claim’s passage: both are drawn, and a click on the overlap selects one', async ({
  app,
  page,
}) => {
  const outer = app.claimCard(IGLA_TEXT);
  const outerId = await app.claimIdOf(outer);
  await expect(app.highlightsOf(outerId)).toHaveText([IGLA_QUOTE]);

  await app.selectWithMouse('5,000 Igla-S');
  await app.createClaim('About 5,000 Igla-S.');
  const inner = app.claimCard('About 5,000 Igla-S.');
  const innerId = await app.claimIdOf(inner);
  await expect(app.claimCards).toHaveCount(15);

  // The outer passage now reads as three pieces; the middle one carries both claims.
  await expect(app.highlightsOf(outerId)).toHaveText([
    'Venezuela reportedly holds more than ',
    '5,000 Igla-S',
    ' portable air-defence missiles',
  ]);
  await expect(app.highlightsOf(innerId)).toHaveText(['5,000 Igla-S']);
  const overlap = app.highlightsOf(innerId);
  await expect(overlap).toHaveAttribute('data-claim-ids', `${outerId} ${innerId}`);
  await expect(overlap).toHaveClass(/(^| )depth-2( |$)/);
  await expect(app.highlightsOf(outerId).first()).toHaveClass(/(^| )depth-1( |$)/);
  await expect(app.highlights).toHaveCount(16);

  // Nothing selected after a reload; the overlap then selects one of its two claims.
  await page.reload();
  await expect(app.claimCards).toHaveCount(15);
  await expect(app.selectedCard).toHaveCount(0);
  await overlap.click();
  await expect(app.selectedCard).toHaveCount(1);
  const selected = await app.claimIdOf(app.selectedCard);
  expect([outerId, innerId]).toContain(selected);
  await expect(overlap).toHaveClass(/(^| )active( |$)/);

  // The outer part alone selects the outer claim, and the overlap then keeps it selected.
  await app.highlightsOf(outerId).first().click();
  await expect(app.selectedCard).toHaveAttribute('data-claim-id', outerId);
  await overlap.click();
  await expect(app.selectedCard).toHaveAttribute('data-claim-id', outerId);
});

test('a passage low in the reader is captured exactly as dragged with the mouse', async ({
  app,
}) => {
  // selectWithMouse drags over the passage in the middle of the reader, where the capture
  // panel opens; the panel waits for the button to be released, so the text stays put.
  const passage = 'A flight-tracking site reported that';
  await app.selectWithMouse(passage);
  await app.createClaim('');
  await expect(app.highlights.filter({ hasText: 'flight-tracking' })).toHaveText([passage]);
  await expect(app.claimCards.locator('.claim-text')).toContainText([passage]);
});
