/**
 * Briefing notes (issue 5): a note built through the builder (fields, judgments, claims
 * trimmed and ordered by mouse and keyboard) reads in the live preview as the exports will;
 * it survives a restart; a reopened note reads as saved and marks claims edited since; every
 * export format downloads and opens with the note in it; user text stays text.
 */
import { pathToFileURL } from 'node:url';
import { AppPage } from '../support/appPage';
import { downloadFrom, pdfText, readDocx, utf8Text } from '../support/exportedFiles';
import { expect, test } from '../support/fixtures';
import { WebHost } from '../support/webHost';

const J1 = 'Russia is unlikely to send troops to defend the Maduro government.';
const J2 = 'Moscow will likely offer limited material help, such as air defence systems.';

const GALEOTTI = 'If the US moves to topple Maduro, Russia can do no more than diplomacy.';
const GALEOTTI_GAIN =
  'Moscow would gain from a US move, as it feeds its story of Western imperialism.';
const SITENKO_TROOPS = 'The war in Ukraine rules out Russian troops in Venezuela.';
const SITENKO_LIMITED =
  'Limited Russian help (weapons, air defence, intelligence) cannot be ruled out.';
const ZAKHAROVA_FORCE =
  'Moscow condemns "excessive military force" in the US anti-drug operations.';
const ZAKHAROVA_BACKS =
  'Russia backs the Venezuelan leadership and is ready to respond to its requests.';
const CHEPA_HELP = 'Russia will help Venezuela within the partnership agreement, as far as it can.';
const CHEPA_NATO = 'Russia\'s war with "the entire NATO bloc" limits what it can do for Venezuela.';
const WAPO = 'Maduro wrote to Putin asking for missiles, radars and aircraft.';
const MWM = 'Russia could send submarines, corvettes or Su-30s (speculation).';
const IL76 = 'A Russian Il-76 transport landed in Caracas.';
const PANTSIR = 'Pantsir-S1 air defence could be part of a package.';
const IGLA = 'Venezuela holds over 5,000 Igla-S MANPADS ("reportedly").';
const RATIFIED =
  'Russia ratified the strategic partnership agreement with Venezuela in October 2025.';

/** The sample's claims, in the order a new note lists them. */
const SAMPLE_CLAIMS = [
  GALEOTTI,
  GALEOTTI_GAIN,
  SITENKO_TROOPS,
  SITENKO_LIMITED,
  ZAKHAROVA_FORCE,
  ZAKHAROVA_BACKS,
  CHEPA_HELP,
  CHEPA_NATO,
  WAPO,
  MWM,
  IL76,
  PANTSIR,
  IGLA,
  RATIFIED,
];

const QUOTES: Record<string, string> = {
  [GALEOTTI]:
    'if the United States moved to topple Maduro, Russia could offer little beyond diplomacy',
  [SITENKO_TROOPS]: 'the war in Ukraine rules out sending Russian troops to Venezuela',
  [CHEPA_HELP]:
    'Russia would help Venezuela within the framework of the strategic partnership agreement, to the best of its ability',
  [WAPO]: 'Maduro wrote to Vladimir Putin asking for missiles, radars and aircraft',
  [IL76]: 'a Russian Il-76 transport plane landed in Caracas',
};

const DIGEST = 'Claimdesk sample digest';
const DOCUMENT = "Moscow's options in Venezuela: what the Kremlin says, and what it can do";
const MARKING = 'UNCLASSIFIED // FOR TRAINING';
const BLUF = 'Russia will not fight for Maduro; expect words, and perhaps air defence, not troops.';

/** Keeps only `keep` in the note, removing every other sample claim with its × button. */
async function keepOnly(app: AppPage, keep: readonly string[]): Promise<void> {
  await app.removeFromNote(...SAMPLE_CLAIMS.filter((c) => !keep.includes(c)));
  await expect(app.noteClaimTexts).toHaveText([...keep]);
}

test('a note is built in the builder: fields, one judgment, claims trimmed and reordered by mouse and keyboard, read in the live preview', async ({
  app,
  page,
}) => {
  await app.newNote('Will Moscow intervene?');
  // A new note starts with all the case's judgments and claims.
  await expect(app.noteJudgment(J1)).toBeChecked();
  await expect(app.noteJudgment(J2)).toBeChecked();
  await expect(app.noteClaimTexts).toHaveText(SAMPLE_CLAIMS);
  await expect(app.previewSection('Key judgments')).toHaveCount(2);

  // The fields save when the analyst leaves them.
  await app.setNoteField('Handling marking', MARKING);
  await expect(app.preview.locator('.marking')).toHaveText(MARKING);
  await app.setNoteField('Author', 'J. Analyst');
  await app.setNoteField('Date', '2025-11-30');
  await expect(app.preview.locator('.byline')).toHaveText('J. Analyst · 2025-11-30');
  await app.setNoteField('Bottom line up front', BLUF);
  await expect(
    app.preview.getByRole('heading', { level: 2, name: 'Bottom line up front' }),
  ).toBeVisible();
  await expect(app.preview.getByText(BLUF, { exact: true })).toBeVisible();

  // Only the first judgment stays.
  // (The box follows the saved note, so it changes once the save is acknowledged.)
  await app.noteJudgment(J2).click();
  await expect(app.noteJudgment(J2)).not.toBeChecked();
  await expect(app.previewSection('Key judgments')).toHaveCount(1);

  // Five claims stay, in the case's order.
  await keepOnly(app, [GALEOTTI, SITENKO_TROOPS, CHEPA_HELP, WAPO, IL76]);
  await expect(app.preview.getByText(GALEOTTI_GAIN)).toHaveCount(0);

  // The mouse: the Il-76 row dragged onto the first row goes first.
  await app.noteClaim(IL76).dragTo(app.noteClaim(GALEOTTI));
  await expect(app.noteClaimTexts).toHaveText([IL76, GALEOTTI, SITENKO_TROOPS, CHEPA_HELP, WAPO]);

  // The keyboard: Alt+ArrowUp twice on Chepa's row, Alt+ArrowDown twice on Galeotti's; the
  // row keeps the focus as it moves.
  await app.noteClaim(CHEPA_HELP).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(app.noteClaimTexts).toHaveText([IL76, GALEOTTI, CHEPA_HELP, SITENKO_TROOPS, WAPO]);
  await expect(app.noteClaim(CHEPA_HELP)).toBeFocused();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(app.noteClaimTexts).toHaveText([IL76, CHEPA_HELP, GALEOTTI, SITENKO_TROOPS, WAPO]);
  await app.noteClaim(GALEOTTI).focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(app.noteClaimTexts).toHaveText([IL76, CHEPA_HELP, SITENKO_TROOPS, GALEOTTI, WAPO]);
  await expect(app.noteClaim(GALEOTTI)).toBeFocused();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(app.noteClaimTexts).toHaveText([IL76, CHEPA_HELP, SITENKO_TROOPS, WAPO, GALEOTTI]);

  // The arrow buttons: the Il-76 down, Sitenko's claim up.
  await app.builder.getByRole('button', { name: `Move down: ${IL76}` }).click();
  await expect(app.noteClaimTexts).toHaveText([CHEPA_HELP, IL76, SITENKO_TROOPS, WAPO, GALEOTTI]);
  await app.builder.getByRole('button', { name: `Move up: ${SITENKO_TROOPS}` }).click();
  const order = [CHEPA_HELP, SITENKO_TROOPS, IL76, WAPO, GALEOTTI];
  await expect(app.noteClaimTexts).toHaveText(order);
  // Each row names its place.
  await expect(app.noteClaims.first()).toHaveAttribute('aria-label', `1. ${CHEPA_HELP}`);

  // The preview, from the note as saved.
  const preview = app.preview;
  await expect(preview.locator('.marking')).toHaveText(MARKING);
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText('Will Moscow intervene?');
  await expect(preview.locator('.byline')).toHaveText('J. Analyst · 2025-11-30');

  // The judgment with the likelihood and its range, apart the analytic confidence, then
  // its evidence for and against in the new numbering (Chepa 1, Sitenko 2, Galeotti 5);
  // Chepa's NATO claim, for it, is not in the note and is counted as such.
  const judgments = app.previewSection('Key judgments');
  await expect(judgments).toHaveCount(1);
  await expect(judgments.locator('p')).toHaveText([
    `${J1} Likelihood: unlikely (20–45%).`,
    'Analytic confidence: moderate.',
    'Evidence for: [2], [5] · against: [1] (in the basis, not cited in this note: 1 claim for).',
  ]);
  await expect(preview.getByText(J2)).toHaveCount(0);

  // The claims in the analyst's order, each with the note that follows that order.
  const claims = app.previewSection('Claims');
  await expect(claims.locator('strong')).toHaveText(order);
  await expect(claims.locator('.note-ref')).toHaveText(['[1]', '[2]', '[3]', '[4]', '[5]']);
  await expect(claims.nth(4)).toHaveText(
    `${GALEOTTI} [5] — Mark Galeotti → Radio Liberty → ${DIGEST} (B2, claim score 66/100)`,
  );
  await expect(claims.nth(2).locator('.grade')).toHaveText('F3');

  // Every carrier of a chosen claim, with its Admiralty grade.
  await expect(preview.locator('table thead th')).toHaveText(['Source', 'Kind', 'Reliability']);
  await expect(app.previewSources).toHaveText([
    'Alexey ChepaPersonD — Not usually reliable',
    'Lenta.ruOutletC — Fairly reliable',
    `${DIGEST}OutletF — Reliability cannot be judged`,
    'Alexandra SitenkoPersonC — Fairly reliable',
    'Flight-tracking site (unnamed)OutletF — Reliability cannot be judged',
    'The Washington PostOutletB — Usually reliable',
    'Mark GaleottiPersonB — Usually reliable',
    'Radio LibertyOutletB — Usually reliable',
  ]);

  // One note per claim, in the same order: quote, the chain that carried it, document, the
  // date it was said and the date it was reported.
  await expect(app.previewNotes).toHaveCount(5);
  await expect(app.previewNotes.nth(0)).toHaveText(
    `“${QUOTES[CHEPA_HELP]}”, Alexey Chepa → Lenta.ru → ${DIGEST}, ${DOCUMENT}, said 2025-11-01, reported 2025-11-03.`,
  );
  await expect(app.previewNotes.nth(4)).toHaveText(
    `“${QUOTES[GALEOTTI]}”, Mark Galeotti → Radio Liberty → ${DIGEST}, ${DOCUMENT}, reported 2025-11-03.`,
  );
  const quotes = order.map((c) => `“${QUOTES[c]}”`);
  for (const [i, quote] of quotes.entries())
    await expect(app.previewNotes.nth(i)).toContainText(quote);
});

test('quick clicks in the builder each count: two claims added, one added as another moves, two judgments unticked', async ({
  app,
}) => {
  await app.newNote('Quick clicks');
  await keepOnly(app, [GALEOTTI]);

  // Both clicks land before the first save is back; the second must not undo the first.
  await app.builder.getByText('Add claims (13 not in the note)').click();
  const add = (text: string) =>
    app.builder.getByRole('button', { name: `Add to the note: ${text}`, exact: true });
  await app.clickAtOnce(add(IL76), add(WAPO));
  await expect(app.noteClaimTexts).toHaveText([GALEOTTI, IL76, WAPO]);
  await expect(app.previewSection('Claims').locator('strong')).toHaveText([GALEOTTI, IL76, WAPO]);

  // A claim added and another moved at once: the move keeps the claim just added.
  await app.clickAtOnce(
    add(PANTSIR),
    app.builder.getByRole('button', { name: `Move up: ${WAPO}`, exact: true }),
  );
  await expect(app.noteClaimTexts).toHaveText([GALEOTTI, WAPO, IL76, PANTSIR]);

  await app.clickAtOnce(app.noteJudgment(J1), app.noteJudgment(J2));
  await expect(app.noteJudgment(J1)).not.toBeChecked();
  await expect(app.noteJudgment(J2)).not.toBeChecked();
  await expect(app.previewSection('Key judgments')).toHaveCount(0);
});

test('a note survives a restart of the web host exactly: fields, judgments, claims, order and preview', async ({
  app,
  host,
  dataDir,
  page,
}) => {
  await app.newNote('Restart note');
  await app.setNoteField('Handling marking', MARKING);
  await app.setNoteField('Author', 'J. Analyst');
  await app.setNoteField('Date', '2025-12-01');
  await app.setNoteField('Bottom line up front', BLUF);
  await expect(app.preview.getByText(BLUF, { exact: true })).toBeVisible();
  await expect(app.preview.locator('.byline')).toHaveText('J. Analyst · 2025-12-01');
  await app.noteJudgment(J1).click();
  await expect(app.noteJudgment(J1)).not.toBeChecked();
  await keepOnly(app, [GALEOTTI, WAPO, IL76, RATIFIED]);
  // Two presses in a row, as a held key sends them: the second moves on from the first.
  await app.noteClaim(RATIFIED).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await page.keyboard.press('Alt+ArrowUp');
  const order = [GALEOTTI, RATIFIED, WAPO, IL76];
  await expect(app.noteClaimTexts).toHaveText(order);
  await expect(app.previewSection('Claims').locator('strong')).toHaveText(order);
  const previewBefore = await app.preview.innerHTML();

  expect((await host.stop()).code).toBe(0);
  const restarted = await WebHost.start(dataDir);
  try {
    const again = new AppPage(page);
    await again.open(restarted.launchUrl);
    await again.showView('Briefing');
    await expect(again.noteMenu.locator('option:checked')).toHaveText('Restart note');
    await expect(again.noteField('Title')).toHaveValue('Restart note');
    await expect(again.noteField('Handling marking')).toHaveValue(MARKING);
    await expect(again.noteField('Author')).toHaveValue('J. Analyst');
    await expect(again.noteField('Date')).toHaveValue('2025-12-01');
    await expect(again.noteField('Bottom line up front')).toHaveValue(BLUF);
    await expect(again.noteJudgment(J1)).not.toBeChecked();
    await expect(again.noteJudgment(J2)).toBeChecked();
    await expect(again.noteClaimTexts).toHaveText(order);
    // The preview reads exactly as before, and no claim is marked edited.
    await expect.poll(() => again.preview.innerHTML()).toBe(previewBefore);
    await expect(again.preview.getByText('edited since saved')).toHaveCount(0);
    await expect(again.editedNotice).toHaveCount(0);
  } finally {
    await restarted.stop();
  }
});

test('a note reopened after one of its claims was edited reads as saved, marks the claim, and updates on request', async ({
  app,
  page,
}) => {
  await app.newNote('Reopened note');
  const claims = app.previewSection('Claims');
  await expect(claims.nth(8).locator('strong')).toHaveText(WAPO);

  // The analyst rewords the Post's claim in the claims pane, from the reader.
  await app.showView('Reader');
  const reworded = 'Maduro asked Putin in writing for missiles, radars and aircraft (WaPo).';
  await app.rewordClaim(app.claimWorded(WAPO), reworded);

  // Reopened (a reload of the app): the note reads as it was saved.
  await page.reload();
  await app.showView('Briefing');
  await expect(app.noteMenu.locator('option:checked')).toHaveText('Reopened note');
  await expect(claims.nth(8).locator('strong')).toHaveText(WAPO);
  await expect(app.preview.getByText(reworded)).toHaveCount(0);
  // ... with that claim, and only that one, marked.
  await expect(claims.locator('.badge')).toHaveCount(1);
  await expect(claims.nth(8).locator('.badge')).toHaveText('edited since saved');
  await expect(claims.nth(8)).toHaveClass('edited');
  await expect(app.editedNotice).toHaveText(
    '1 claim has been edited since this note was saved. Update from the current claims',
  );
  // The builder lists the claims as they are now.
  await expect(app.noteClaimTexts.nth(8)).toHaveText(reworded);

  await app.editedNotice.getByRole('button', { name: 'Update from the current claims' }).click();
  await expect(claims.nth(8).locator('strong')).toHaveText(reworded);
  await expect(app.preview.getByText(WAPO)).toHaveCount(0);
  await expect(claims.locator('.badge')).toHaveCount(0);
  await expect(claims.nth(8)).not.toHaveClass('edited');
  await expect(app.editedNotice).toHaveCount(0);
});

test('every export format downloads from the UI, named after the note, and opens with the note in it', async ({
  app,
  page,
}, testInfo) => {
  await app.newNote('Will Moscow intervene?');
  await app.setNoteField('Handling marking', MARKING);
  await expect(app.preview.locator('.marking')).toHaveText(MARKING);
  const galeottiNote = `“${QUOTES[GALEOTTI]}”, Mark Galeotti → Radio Liberty → ${DIGEST}`;

  // Word: the body and the footnotes are real WordprocessingML.
  const docx = await downloadFrom(page, app.exportNoteButton('Word (DOCX)'), testInfo);
  expect(docx.fileName).toBe('Will Moscow intervene.docx');
  await expect(app.notices.filter({ hasText: 'Saved Will Moscow intervene.docx' })).toBeVisible();
  const word = await readDocx(docx.bytes);
  expect(word.bodyText).toContain(J1);
  expect(word.bodyText).toContain(J2);
  expect(word.bodyText).toContain('Likelihood: unlikely (20–45%).');
  expect(word.bodyText).toContain('Analytic confidence: moderate.');
  expect(word.bodyText).toContain('B2'); // Galeotti's "diplomacy only"
  expect(word.body).toContain('<w:tbl>'); // the Sources table
  expect(word.bodyText).toContain('Usually reliable');
  expect(word.body.match(/<w:footnoteReference /g)).toHaveLength(14);
  expect(word.footnotesText).toContain(galeottiNote);
  expect(word.footnotesText).toContain(DOCUMENT);

  // PDF: the text layer carries the same.
  const pdf = await downloadFrom(page, app.exportNoteButton('PDF'), testInfo);
  expect(pdf.fileName).toBe('Will Moscow intervene.pdf');
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = await pdfText(pdf.bytes);
  expect(text).toContain(MARKING);
  expect(text).toContain(J1);
  expect(text).toContain('Analytic confidence: moderate.');
  expect(text).toContain('Analytic confidence: low.');
  expect(text).toMatch(/B2, claim score 66\/100/);
  expect(text).toContain(galeottiNote);

  // Markdown: headings, and numbered notes as footnote definitions.
  const mdFile = await downloadFrom(page, app.exportNoteButton('Markdown'), testInfo);
  expect(mdFile.fileName).toBe('Will Moscow intervene.md');
  const md = utf8Text(mdFile.bytes);
  expect(md.startsWith(`**${MARKING}**\n\n# Will Moscow intervene?\n`)).toBe(true);
  for (const heading of ['## Key judgments', '## What the actors said', '## Claims', '## Sources'])
    expect(md.split('\n')).toContain(heading);
  expect(md).toContain(
    '1. Russia is unlikely to send troops to defend the Maduro government\\. Likelihood: unlikely (20–45%). Analytic confidence: moderate.  \n   Evidence for: [^1], [^3], [^8] · against: [^7]\\.',
  );
  expect(md.match(/^\[\^\d+\]: /gm)).toHaveLength(14);
  expect(md).toContain(`[^1]: ${galeottiNote}`);

  // HTML: one whole document, no script, the judgments and the notes.
  const htmlFile = await downloadFrom(page, app.exportNoteButton('HTML'), testInfo);
  expect(htmlFile.fileName).toBe('Will Moscow intervene.html');
  const html = utf8Text(htmlFile.bytes);
  expect(html).toMatch(/^<!doctype html>\n<html lang="en"><head>/);
  expect(html.trimEnd().endsWith('</body></html>')).toBe(true);
  expect(html).not.toMatch(/<script\b/i);
  expect(html).toContain(`${J1} Likelihood: unlikely (20–45%).</p>`);
  expect(html).toContain(`${J2} Likelihood: likely (55–80%).</p>`);
  expect(html).toContain('<p>Analytic confidence: moderate.</p>');
  expect(html).toContain(
    '<p class="evidence">Evidence for: <a class="ref" href="#note-1">[1]</a>, <a class="ref" href="#note-3">[3]</a>, <a class="ref" href="#note-8">[8]</a> · against: <a class="ref" href="#note-7">[7]</a>.</p>',
  );
  expect(html.match(/<li id="note-\d+" value="\d+">/g)).toHaveLength(14);
  expect(html).toContain(
    `<li id="note-1" value="1">“${QUOTES[GALEOTTI]}”, Mark Galeotti → Radio Liberty`,
  );
});

test('hostile text in a claim stays text in the preview and in the HTML and Markdown files', async ({
  app,
  page,
}, testInfo) => {
  const dialogs: string[] = [];
  page.context().on('page', (p) =>
    p.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    }),
  );
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const hostile = '<img src=x onerror=alert(1)> **bold**';

  await app.newNote('Hostile text');
  // Selecting a claim in the claims pane shows it in the reader: back to the note after.
  await app.rewordClaim(app.claimWorded(GALEOTTI), hostile);
  await app.showView('Briefing');
  await expect(app.editedNotice).toContainText('1 claim has been edited');
  await app.editedNotice.getByRole('button', { name: 'Update from the current claims' }).click();
  await expect(app.editedNotice).toHaveCount(0);

  // The preview shows the characters as typed, and builds no element from them.
  await expect(app.previewSection('Claims').first().locator('strong')).toHaveText(hostile);
  await expect(app.preview.locator('img')).toHaveCount(0);
  await expect(app.preview.locator('strong', { hasText: 'bold' })).toHaveText(hostile);

  const htmlFile = await downloadFrom(page, app.exportNoteButton('HTML'), testInfo);
  const html = utf8Text(htmlFile.bytes);
  expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; **bold**');
  expect(html).not.toContain('<img');

  const md = utf8Text((await downloadFrom(page, app.exportNoteButton('Markdown'), testInfo)).bytes);
  expect(md).toContain('&lt;img src=x onerror=alert\\(1\\)\\> \\*\\*bold\\*\\*');
  expect(md).not.toContain('<img');

  // Opened in the browser, the exported page shows the text and runs nothing.
  const viewer = await page.context().newPage();
  await viewer.goto(pathToFileURL(htmlFile.path).href);
  await expect(viewer.locator('strong').first()).toHaveText(hostile);
  await expect(viewer.locator('img')).toHaveCount(0);
  await viewer.close();

  expect(dialogs).toEqual([]);
});

test('a deleted note comes back with Ctrl+Z', async ({ app, page }) => {
  await app.newNote('Note to delete');
  await app.setNoteField('Bottom line up front', BLUF);
  await expect(app.preview.getByText(BLUF, { exact: true })).toBeVisible();

  await app.briefingView.getByRole('button', { name: 'Delete note' }).click();
  await expect(app.noteMenu.locator('option:checked')).toHaveText('No notes yet');
  await expect(app.preview).toHaveCount(0);
  await expect(app.briefingView.getByText(/^Start a note:/)).toBeVisible();

  await app.focusOutsideFields();
  await page.keyboard.press('Control+z');
  await expect(app.notices.filter({ hasText: 'Undone: Delete briefing note' })).toBeVisible();
  await expect(app.noteMenu.locator('option:checked')).toHaveText('Note to delete');
  await expect(app.noteField('Bottom line up front')).toHaveValue(BLUF);
  await expect(app.preview.getByText(BLUF, { exact: true })).toBeVisible();
  await expect(app.previewSection('Claims')).toHaveCount(14);
});
