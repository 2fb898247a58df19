/**
 * Evidence links (issue 4): claim to claim, to a passage of a document, to a URL or a file,
 * each with a note, shown from both ends and made without leaving the reader; and the bad
 * input that must not corrupt the case: a claim as its own evidence, the same link twice
 * (which asks what becomes of its note), a cycle of "same claim" links; and opposite links
 * between one pair, flagged where they are made and in the matrix (issue 11).
 */
import type { Locator } from '@playwright/test';
import { expect, test } from '../support/fixtures';

const PANTSIR = 'Pantsir-S1 air defence could be part of a package.';
const WAPO = 'Maduro wrote to Putin asking for missiles, radars and aircraft.';
const IL76 = 'A Russian Il-76 transport landed in Caracas.';
const SITENKO_LIMITED =
  'Limited Russian help (weapons, air defence, intelligence) cannot be ruled out.';
const SITENKO_TROOPS = 'The war in Ukraine rules out Russian troops in Venezuela.';
const GALEOTTI = 'If the US moves to topple Maduro, Russia can do no more than diplomacy.';
const GALEOTTI_GAIN =
  'Moscow would gain from a US move, as it feeds its story of Western imperialism.';
const CHEPA_HELP = 'Russia will help Venezuela within the partnership agreement, as far as it can.';
const ZAKHAROVA_READY =
  'Russia backs the Venezuelan leadership and is ready to respond to its requests.';
const DOCUMENT = "Moscow's options in Venezuela: what the Kremlin says, and what it can do";

/** The row of a claim's Evidence panel that names `text`. */
const rowNaming = (rows: Locator, text: string) => rows.filter({ hasText: text });

test('a claim found by its words is linked, and the link shows from both ends with its note', async ({
  app,
}) => {
  const pantsir = app.claimWorded(PANTSIR);
  const wapo = app.claimWorded(WAPO);
  await app.expectScore(wapo, 'B3', 60);

  const selected = await app.linkToClaim(pantsir, {
    relation: 'supports',
    query: 'missiles, radars',
    option: WAPO,
    note: 'Pantsir is the kind of radar-guided system Maduro asked for.',
  });
  // The picker stays in the claims pane: the reader is still on screen.
  await expect(app.tab('Reader')).toHaveAttribute('aria-selected', 'true');
  await expect(app.readerHeading).toHaveText(DOCUMENT);

  const here = rowNaming(app.evidenceRows(selected), WAPO);
  await expect(here).toHaveCount(1);
  await expect(here.locator('.relation')).toHaveText('Supports');
  await expect(here.locator('.note')).toHaveText(
    'Pantsir is the kind of radar-guided system Maduro asked for.',
  );

  // The target is now corroborated by an independent (if ungraded) source: 60 + 15% of 40.
  await app.expectScore(wapo, 'B3', 66);
  await expect(app.scoreBadge(wapo).locator('.corro')).toHaveText('+1');

  // From the other end: "Supported by", and a click on it goes back.
  const target = await app.selectClaim(wapo);
  const there = rowNaming(app.evidenceRows(target), PANTSIR);
  await expect(there.locator('.relation')).toHaveText('Supported by');
  await expect(there.locator('.note')).toHaveText(
    'Pantsir is the kind of radar-guided system Maduro asked for.',
  );
  await there.getByRole('button', { name: PANTSIR }).click();
  await expect(app.selectedCard).toContainText(PANTSIR);
});

test('a claim found by its speaker’s name is linked', async ({ app, page }) => {
  const il76 = await app.selectClaim(app.claimWorded(IL76));
  const picker = app.evidenceForm(il76).getByRole('combobox', { name: 'Evidence claim' });
  await picker.fill('sitenko');
  // Both of her claims, and nothing else; each suggestion names the speaker.
  const options = page
    .getByRole('listbox', { name: 'Evidence claim suggestions' })
    .getByRole('option');
  await expect(options).toHaveCount(2);
  await expect(options.locator('span:first-child')).toHaveText([SITENKO_TROOPS, SITENKO_LIMITED]);
  await expect(options.locator('.muted')).toHaveText(['Alexandra Sitenko', 'Alexandra Sitenko']);
  await picker.fill('');

  await app.linkToClaim(il76, { relation: 'supports', query: 'Sitenko', option: SITENKO_LIMITED });
  await expect(app.evidenceRows(il76)).toHaveCount(1);
  await expect(app.evidenceRows(il76)).toContainText([`Supports ${SITENKO_LIMITED}`]);

  // Sitenko's claim: base 50; the flight tracker (F) closes 15% of the gap.
  const limited = app.claimWorded(SITENKO_LIMITED);
  await app.expectScore(limited, 'C3', 58);
  const target = await app.selectClaim(limited);
  await expect(rowNaming(app.evidenceRows(target), IL76).locator('.relation')).toHaveText(
    'Supported by',
  );
  // Its older link (context from the Pantsir claim) is still listed beside the new one.
  await expect(rowNaming(app.evidenceRows(target), PANTSIR).locator('.relation')).toHaveText(
    'Context from',
  );
});

test('a web page and a file are added as evidence, each with a note', async ({ app }) => {
  const card = await app.selectClaim(app.claimWorded(WAPO));
  const form = app.evidenceForm(card);
  await expect(app.evidencePanel(card).getByText('No evidence linked yet.')).toBeVisible();

  await form
    .getByRole('combobox', { name: 'Evidence', exact: true })
    .selectOption({ label: 'A web page' });
  await form.getByLabel('Note (optional)').fill('The Post’s own report of the letter.');
  await form
    .getByLabel('URL')
    .fill('https://www.washingtonpost.com/world/2025/10/31/maduro-putin-letter/');
  await form.getByRole('button', { name: 'Add evidence' }).click();
  const url = app.evidenceRows(card).filter({ hasText: 'washingtonpost.com' });
  await expect(url).toHaveCount(1);
  // Read from the claim, a page that supports it is evidence it is "supported by".
  await expect(url.locator('.relation')).toHaveText('Supported by');
  await expect(url.getByRole('link')).toHaveAttribute(
    'href',
    'https://www.washingtonpost.com/world/2025/10/31/maduro-putin-letter/',
  );
  await expect(url.locator('.note')).toHaveText('The Post’s own report of the letter.');
  // The form is cleared for the next one.
  await expect(form.getByLabel('URL')).toHaveValue('');
  await expect(form.getByLabel('Note (optional)')).toHaveValue('');

  await form
    .getByRole('combobox', { name: 'Evidence', exact: true })
    .selectOption({ label: 'A file' });
  await form.getByLabel('The evidence…').selectOption({ label: 'provides context' });
  await form.getByLabel('Note (optional)').fill('Scan received from a contact, unverified.');
  await form.getByLabel('File name').fill('maduro-letter-scan.pdf');
  await form.getByLabel('Where it is kept (optional)').fill('Team drive / Venezuela / 2025-11');
  await form.getByRole('button', { name: 'Add evidence' }).click();
  const file = app.evidenceRows(card).filter({ hasText: 'maduro-letter-scan.pdf' });
  await expect(file).toHaveCount(1);
  await expect(file.locator('.relation')).toHaveText('Context from');
  await expect(file).toContainText('maduro-letter-scan.pdf (Team drive / Venezuela / 2025-11)');
  await expect(file.locator('.note')).toHaveText('Scan received from a contact, unverified.');
  await expect(app.evidenceRows(card)).toHaveCount(2);

  // Saved, not just shown.
  await app.page.reload();
  const again = await app.selectClaim(app.claimWorded(WAPO));
  await expect(app.evidenceRows(again)).toHaveCount(2);
});

test('a passage selected in the reader while a claim is selected is added as its evidence', async ({
  app,
}) => {
  const card = await app.selectClaim(app.claimWorded(GALEOTTI));
  const passage = 'As Washington builds up naval forces in the Caribbean';
  await app.selectWithMouse(passage);
  const capture = app.capturePanel;
  // The capture panel offers the passage as evidence for the selected claim.
  await expect(capture.locator('.as-evidence')).toContainText(`“${GALEOTTI}”`);
  const relation = capture.getByRole('combobox', { name: 'Evidence relation' });
  await expect(relation.locator('option')).toHaveText([
    'supports',
    'contradicts',
    'provides context',
  ]);
  await relation.selectOption({ label: 'provides context' });
  await capture.getByRole('button', { name: 'Add as evidence' }).click();
  await expect(capture).toBeHidden();

  // No claim was made of it; the claim's panel lists the quoted passage and its document.
  await expect(app.claimCards).toHaveCount(14);
  await expect(card).toHaveAttribute('aria-current', 'true');
  const row = app.evidenceRows(card).filter({ has: app.page.locator('q') });
  await expect(row).toHaveCount(1);
  await expect(row.locator('q')).toHaveText(passage);
  // Read from the claim: the passage gives it context.
  await expect(row.locator('.relation')).toHaveText('Context from');
  await expect(row).toContainText(`(${DOCUMENT})`);
});

test('a claim cannot be its own evidence: the picker leaves it out and the API refuses it', async ({
  app,
  host,
  page,
}) => {
  const card = await app.selectClaim(app.claimWorded(GALEOTTI));
  const picker = app.evidenceForm(card).getByRole('combobox', { name: 'Evidence claim' });
  // "Galeotti" finds his two claims' worth of words: only the other one is offered.
  await picker.fill('Galeotti');
  const options = page
    .getByRole('listbox', { name: 'Evidence claim suggestions' })
    .getByRole('option');
  await expect(options).toHaveCount(1);
  await expect(options.first()).toContainText(GALEOTTI_GAIN);
  // Its own words find nothing at all.
  await picker.fill('no more than diplomacy');
  await expect(page.getByRole('listbox', { name: 'Evidence claim suggestions' })).toBeHidden();
  await expect(picker).toHaveAttribute('aria-expanded', 'false');
  await picker.fill('');

  // A script on the web host API gets the reason, and nothing is stored.
  const claimId = await app.claimIdOf(card);
  const answer = await host.call('links:create', {
    fromClaimId: claimId,
    relation: 'supports',
    target: { kind: 'claim', claimId },
    note: '',
  });
  expect(answer).toMatchObject({
    ok: false,
    error: { code: 'invalid_input', message: 'A claim cannot be evidence for itself.' },
  });

  await page.reload();
  const again = await app.selectClaim(app.claimWorded(GALEOTTI));
  await expect(app.evidenceRows(again)).toHaveCount(2);
  await expect(app.evidenceRows(again).locator('.relation')).toHaveText([
    'Supported by',
    'Contradicted by',
  ]);
  await app.expectScore(again, 'B2', 66);
});

test('the same link made twice asks whether to add the new note or replace the old one', async ({
  app,
}) => {
  const pantsir = app.claimWorded(PANTSIR);
  const again = (note: string) =>
    app.linkToClaim(pantsir, { relation: 'supports', query: 'Maduro wrote', option: WAPO, note });
  await again('First note.');
  const row = rowNaming(app.evidenceRows(pantsir), WAPO);
  await expect(row.locator('.note')).toHaveText('First note.');

  // Issue 11: a second note does not silently replace the first.
  await again('Second note.');
  const question = app.evidencePanel(pantsir).getByRole('alertdialog', {
    name: 'This link already exists. Add your note to it or replace its note?',
  });
  await expect(question).toBeVisible();
  await expect(question.getByRole('button')).toHaveText([
    'Add my note',
    'Replace its note',
    'Cancel',
  ]);
  await expect(row.locator('.note')).toHaveText('First note.');
  await question.getByRole('button', { name: 'Add my note' }).click();
  await expect(question).toBeHidden();
  await expect(row).toHaveCount(1);
  await expect(row.locator('.note')).toHaveText('First note.\n\nSecond note.');

  await again('Third note.');
  await question.getByRole('button', { name: 'Replace its note' }).click();
  await expect(row.locator('.note')).toHaveText('Third note.');

  await again('Fourth note.');
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(question).toBeHidden();
  await expect(row.locator('.note')).toHaveText('Third note.');
  await expect(app.evidenceForm(pantsir).getByRole('alert')).toHaveCount(0);

  // One row from the other end too, and the target is corroborated once.
  const wapo = await app.selectClaim(app.claimWorded(WAPO));
  await expect(app.evidenceRows(wapo)).toHaveCount(1);
  await app.expectScore(wapo, 'B3', 66);
});

test('a pair linked both as supporting and as contradicting is flagged in the panel and in the matrix', async ({
  app,
}) => {
  const pantsir = app.claimWorded(PANTSIR);
  await app.linkToClaim(pantsir, { relation: 'supports', query: 'Maduro wrote', option: WAPO });
  const status = app.evidenceForm(pantsir).getByRole('status');
  await expect(status).toHaveText('');
  await app.linkToClaim(pantsir, { relation: 'contradicts', query: 'Maduro wrote', option: WAPO });
  await expect(status).toHaveText(
    `⚠ This claim is now linked to “${WAPO}” both as supporting and as contradicting it. Keep the link you mean and remove the other.`,
  );
  const rows = rowNaming(app.evidenceRows(pantsir), WAPO);
  await expect(rows).toHaveCount(2);
  await expect(rows.locator('.opposite-links')).toHaveCount(2);
  await expect(rows.locator('.opposite-links').first()).toHaveAttribute(
    'title',
    `Both supports and contradicts “${WAPO}”: keep the link you mean and remove the other.`,
  );
  // A third claim linked one way only is not flagged.
  await app.linkToClaim(pantsir, { relation: 'supports', query: 'transport landed', option: IL76 });
  await expect(rowNaming(app.evidenceRows(pantsir), IL76).locator('.opposite-links')).toHaveCount(
    0,
  );

  // The matrix marks both claims of the pair, in words.
  await app.showView('Matrix');
  await app.matrix.getByLabel('Show the claims of the list too').check();
  // By the claim's own button: a mark's explanation names the other claim of the pair.
  const matrixRow = (text: string) =>
    app.matrix
      .locator('tbody tr')
      .filter({ has: app.page.getByRole('button', { name: text, exact: true }) });
  await expect(matrixRow(PANTSIR).locator('.opposite-links')).toHaveText(/⚠ Opposite links/);
  await expect(matrixRow(WAPO).locator('.opposite-links')).toHaveText(/⚠ Opposite links/);
  await expect(matrixRow(IL76).locator('.opposite-links')).toHaveCount(0);

  // Removing one of the two links clears the mark.
  await app.showView('Reader');
  const selected = await app.selectClaim(app.claimWorded(PANTSIR));
  await app
    .evidencePanel(selected)
    .getByRole('button', { name: 'Remove link: Contradicts' })
    .click();
  await expect(app.evidenceRows(selected).locator('.opposite-links')).toHaveCount(0);
});

test('a cycle of “same claim” links is refused with a message in the panel', async ({ app }) => {
  // The digest repeats Chepa's paragraph: the repeat becomes a claim of its own (B), the same
  // claim as Chepa's (A); Zakharova's pledge (C) is joined to B. C same A would close a cycle.
  const repeat = 'Russia would help Venezuela within the framework of the strategic partnership';
  await app.selectWithMouse(repeat, 1);
  const REPEATED = 'Chepa pledges help under the partnership agreement (repeated report).';
  await app.createClaim(REPEATED);

  const a = await app.linkToClaim(app.claimWorded(CHEPA_HELP), {
    relation: 'same claim',
    query: 'repeated report',
    option: REPEATED,
  });
  await expect(rowNaming(app.evidenceRows(a), REPEATED).locator('.relation')).toHaveText(
    'Same claim as',
  );
  const b = await app.linkToClaim(app.claimWorded(REPEATED), {
    relation: 'same claim',
    query: 'ready to respond',
    option: ZAKHAROVA_READY,
  });
  await expect(app.evidenceRows(b).locator('.relation')).toHaveText([
    'Same claim as',
    'Same claim as',
  ]);
  await expect(app.evidenceRows(b).getByRole('button', { name: /^Russia/ })).toHaveText([
    CHEPA_HELP,
    ZAKHAROVA_READY,
  ]);

  const c = await app.linkToClaim(app.claimWorded(ZAKHAROVA_READY), {
    relation: 'same claim',
    query: 'as far as it can',
    option: CHEPA_HELP,
  });
  await expect(app.evidenceForm(c).getByRole('alert')).toHaveText(
    `These claims are already the same claim through “${REPEATED}”.`,
  );
  // C keeps what it had: its sample link to A and its link to B, no third.
  await expect(app.evidenceRows(c).locator('.relation')).toHaveText(['Supports', 'Same claim as']);

  // Nothing was stored: after a reload A still has its two sample links and B.
  await app.page.reload();
  const again = await app.selectClaim(app.claimWorded(CHEPA_HELP));
  await expect(app.evidenceRows(again).locator('.relation')).toHaveText([
    'Contradicts',
    'Supported by',
    'Same claim as',
  ]);
});

test('removing a link takes it off both claims’ panels', async ({ app }) => {
  const pantsir = await app.selectClaim(app.claimWorded(PANTSIR));
  const row = rowNaming(app.evidenceRows(pantsir), SITENKO_LIMITED);
  await expect(row.locator('.relation')).toHaveText('Gives context to');
  await row.getByRole('button', { name: 'Remove link: Gives context to' }).click();
  await expect(app.evidenceRows(pantsir)).toHaveCount(0);
  await expect(app.evidencePanel(pantsir).getByText('No evidence linked yet.')).toBeVisible();

  const limited = await app.selectClaim(app.claimWorded(SITENKO_LIMITED));
  await expect(app.evidenceRows(limited)).toHaveCount(0);
  await expect(app.evidencePanel(limited).getByText('No evidence linked yet.')).toBeVisible();
});

test('Ctrl+Z after adding a link removes it from both panels, and the score goes back', async ({
  app,
  page,
}) => {
  const pantsir = await app.linkToClaim(app.claimWorded(PANTSIR), {
    relation: 'supports',
    query: 'Maduro wrote',
    option: WAPO,
  });
  await expect(rowNaming(app.evidenceRows(pantsir), WAPO)).toHaveCount(1);
  await app.expectScore(app.claimWorded(WAPO), 'B3', 66);

  await app.focusOutsideFields();
  await page.keyboard.press('Control+z');
  await expect(app.notices.filter({ hasText: 'Undone: Link evidence' })).toBeVisible();
  await expect(rowNaming(app.evidenceRows(pantsir), WAPO)).toHaveCount(0);
  await app.expectScore(app.claimWorded(WAPO), 'B3', 60);
  const wapo = await app.selectClaim(app.claimWorded(WAPO));
  await expect(app.evidenceRows(wapo)).toHaveCount(0);

  // And redone: back on both ends.
  await app.focusOutsideFields();
  await page.keyboard.press('Control+Shift+z');
  await expect(rowNaming(app.evidenceRows(wapo), PANTSIR).locator('.relation')).toHaveText(
    'Supported by',
  );
});
