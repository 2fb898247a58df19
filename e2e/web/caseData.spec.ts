/**
 * Case data (issue 5): the case out as JSON, read back with "Import case…" as a new case or
 * "Merge into this case…" without duplicates; broken and foreign files refused with their
 * name; the claims as CSV for spreadsheets (BOM, formula injection neutralised); W3C Web
 * Annotation and STIX 2.1 for other tools. Every file is a real browser download.
 */
import { writeFile } from 'node:fs/promises';
import type { AppPage } from '../support/appPage';
import {
  downloadFrom,
  jsonOf,
  parseCsv,
  startsWithBom,
  utf8Text,
  type SavedDownload,
} from '../support/exportedFiles';
import { expect, test } from '../support/fixtures';

const CASE = 'Russia and Venezuela, November 2025';
const CASE_FILE = `${CASE}.claimdesk.json`;
const DOCUMENT = "Moscow's options in Venezuela: what the Kremlin says, and what it can do";
const J1 = 'Russia is unlikely to send troops to defend the Maduro government.';
const J2 = 'Moscow will likely offer limited material help, such as air defence systems.';
const IL76 = 'A Russian Il-76 transport landed in Caracas.';
const GALEOTTI = 'If the US moves to topple Maduro, Russia can do no more than diplomacy.';

/** The wording of every claim in the claims pane, once all 14 are listed. */
async function claimWordings(app: AppPage): Promise<string[]> {
  await expect(app.claimCount).toHaveText('14');
  return app.claimCards.locator('.claim-text').allTextContents();
}

/** Exports the open case as JSON from "Case data". */
async function exportJson(
  app: AppPage,
  testInfo: Parameters<typeof downloadFrom>[2],
): Promise<SavedDownload> {
  const file = await downloadFrom(app.page, app.exportCaseButton('JSON'), testInfo);
  expect(file.fileName).toBe(CASE_FILE);
  return file;
}

test('a case exported as JSON and imported with “Import case…” comes back as a second case with the same claims, documents and judgments', async ({
  app,
}, testInfo) => {
  const wordings = await claimWordings(app);
  const original = await app.caseMenu.inputValue();
  await app.showView('Key judgments');
  const basis = await app.judgment(J1).locator('ul.basis > li').allTextContents();
  expect(basis).toHaveLength(4);

  const file = await exportJson(app, testInfo);
  await expect(app.notices.filter({ hasText: `Saved ${CASE_FILE}` })).toBeVisible();
  await app.importCaseFile(file.path, 'new case');

  await expect(
    app.notices.filter({
      hasText: `Imported ${CASE_FILE}: 14 claims and 1 document added.`,
    }),
  ).toBeVisible();
  // A second case in the Case menu, open now, with what the first one had.
  await expect(app.caseMenu.locator('option')).toHaveText([CASE, CASE]);
  await expect(app.caseMenu).not.toHaveValue(original);
  await expect(app.claimCount).toHaveText('14');
  expect((await claimWordings(app)).sort()).toEqual([...wordings].sort());
  await expect(app.documentItems.locator('.doc-title')).toHaveText([DOCUMENT]);
  await expect(app.tab('Key judgments').locator('.count')).toHaveText('2');
  await expect(app.judgments.locator('.judgment-statement')).toHaveText([J1, J2]);
  await expect(app.judgment(J1).locator('ul.basis > li')).toHaveText(basis);
  await expect(app.judgment(J1).locator('.chip.likelihood')).toHaveText('unlikely (20–45%)');
  await expect(app.judgment(J1).locator('.chip.confidence')).toHaveText('moderate confidence');

  // The first case is still there, as it was.
  await app.caseMenu.selectOption(original);
  await expect(app.claimCount).toHaveText('14');
  expect(await claimWordings(app)).toEqual(wordings);
});

test('merging the same case file into the case duplicates nothing and says the claims were already there', async ({
  app,
}, testInfo) => {
  const wordings = await claimWordings(app);
  const people = await app.people.getByRole('button').allTextContents();
  const galeotti = await app.selectClaim(app.claimWorded(GALEOTTI));
  // The evidence loads after the selection: read the rows once they are there.
  await expect(app.evidenceRows(galeotti).first()).toBeVisible();
  const evidence = await app.evidenceRows(galeotti).allTextContents();
  expect(evidence.length).toBeGreaterThan(0);
  const file = await exportJson(app, testInfo);

  await app.importCaseFile(file.path, 'merge');
  await expect(
    app.notices.filter({
      hasText: `Imported ${CASE_FILE}: 0 claims and 0 documents added, 14 claims and 1 document already there.`,
    }),
  ).toBeVisible();
  await expect(app.caseMenu.locator('option')).toHaveText([CASE]);
  await expect(app.claimCount).toHaveText('14');
  expect(await claimWordings(app)).toEqual(wordings);
  await expect(app.documentItems).toHaveCount(1);
  // The people and outlets, and the evidence links, are recognised too.
  await expect(app.people.getByRole('button')).toHaveText(people);
  await expect(app.evidenceRows(await app.selectClaim(app.claimWorded(GALEOTTI)))).toHaveText(
    evidence,
  );
  await app.expectScore(app.claimWorded(GALEOTTI), 'B2', 66);
  await app.showView('Key judgments');
  await expect(app.judgments.locator('.judgment-statement')).toHaveText([J1, J2]);
  await expect(app.judgment(J1).locator('ul.basis > li')).toHaveCount(4);
});

test('a truncated case file and a JSON file that is not a case are refused, naming the file, and the cases are unchanged', async ({
  app,
}, testInfo) => {
  const wordings = await claimWordings(app);
  const file = await exportJson(app, testInfo);

  const truncated = testInfo.outputPath('cut-short.claimdesk.json');
  await writeFile(truncated, file.bytes.subarray(0, Math.floor(file.bytes.length / 2)));
  await app.importCaseFile(truncated, 'new case');
  await expect(app.errorNotices.filter({ hasText: '“cut-short.claimdesk.json”' })).toHaveText(
    /“cut-short\.claimdesk\.json” cannot be imported: the JSON ends too early, as if the file was cut off\./,
  );

  const foreign = testInfo.outputPath('shopping-list.json');
  await writeFile(foreign, JSON.stringify({ title: 'Groceries', items: ['eggs', 'tea'] }));
  await app.importCaseFile(foreign, 'merge');
  await expect(app.errorNotices.filter({ hasText: '“shopping-list.json”' })).toHaveText(
    /“shopping-list\.json” cannot be imported: it is JSON but not a Claimdesk case file/,
  );

  await expect(app.errorNotices).toHaveCount(2);
  await expect(app.caseMenu.locator('option')).toHaveText([CASE]);
  expect(await claimWordings(app)).toEqual(wordings);
  await expect(app.documentItems).toHaveCount(1);
  await expect(app.tab('Key judgments').locator('.count')).toHaveText('2');
});

test('the CSV export starts with a BOM, has a header and one row per claim, and neutralises a formula', async ({
  app,
}, testInfo) => {
  const formula = '=HYPERLINK("http://evil")';
  await app.rewordClaim(app.claimWorded(IL76), formula);
  const wordings = await claimWordings(app);

  const file = await downloadFrom(app.page, app.exportCaseButton('CSV'), testInfo);
  expect(file.fileName).toBe(`${CASE}.csv`);
  expect(startsWithBom(file.bytes)).toBe(true);
  const text = utf8Text(file.bytes).replace(/^\uFEFF/, '');
  expect(text.endsWith('\r\n')).toBe(true);
  // RFC 4180: the cell gets an apostrophe (so no spreadsheet runs it), then quotes doubled.
  expect(text).toContain(`,"'=HYPERLINK(""http://evil"")",`);

  const [header, ...rows] = parseCsv(text);
  expect(header).toEqual([
    'Claim id',
    'Wording',
    'Quote',
    'Kind',
    'Status',
    'Speaker',
    'Via',
    'Document outlet',
    'Cue',
    'Said on',
    'Reported on',
    'Source reliability',
    'Credibility',
    'Admiralty code',
    'Claim score (0–100)',
    'Corroborating sources',
    'Contradicting sources',
    'Tags',
    'Notes',
    'Document title',
    'Document URL',
    'Published',
  ]);
  expect(rows).toHaveLength(14);
  for (const row of rows) expect(row).toHaveLength(header?.length ?? 0);
  const wording = rows.map((r) => r[1] ?? '');
  expect(wording).toContain(`'${formula}`);
  expect(wording.sort()).toEqual(wordings.map((w) => (w === formula ? `'${w}` : w)).sort());
  // No cell can start a formula.
  expect(rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  const galeotti = rows.find((r) => r[5] === 'Mark Galeotti' && r[13] === 'B2');
  expect(galeotti?.[19]).toBe(DOCUMENT);
});

test('the W3C export is an AnnotationCollection of the 14 claims and the STIX export a bundle with report, identities, notes and opinions', async ({
  app,
}, testInfo) => {
  const wordings = await claimWordings(app);

  const w3cFile = await downloadFrom(app.page, app.exportCaseButton('W3C'), testInfo);
  expect(w3cFile.fileName).toBe(`${CASE}.jsonld`);
  const w3c = jsonOf<{
    '@context': string;
    type: string;
    label: string;
    total: number;
    first: {
      type: string;
      items: {
        type: string;
        motivation: string;
        body: { purpose: string; value: string }[];
        target: { selector: { type: string; exact?: string }[] };
      }[];
    };
  }>(w3cFile.bytes);
  expect(w3c['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
  expect(w3c.type).toBe('AnnotationCollection');
  expect(w3c.label).toBe(CASE);
  expect(w3c.total).toBe(14);
  expect(w3c.first.type).toBe('AnnotationPage');
  const annotations = w3c.first.items;
  expect(annotations).toHaveLength(14);
  for (const a of annotations) {
    expect(a.type).toBe('Annotation');
    const quote = a.target.selector.find((s) => s.type === 'TextQuoteSelector');
    expect(quote?.exact).toBeTruthy();
  }
  const described = annotations.map(
    (a) => a.body.find((b) => b.purpose === 'describing')?.value ?? '',
  );
  expect(described.sort()).toEqual([...wordings].sort());
  const galeotti = annotations.find((a) => a.body.some((b) => b.value === GALEOTTI));
  expect(galeotti?.target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact).toBe(
    'if the United States moved to topple Maduro, Russia could offer little beyond diplomacy',
  );

  const stixFile = await downloadFrom(app.page, app.exportCaseButton('STIX'), testInfo);
  expect(stixFile.fileName).toBe(`${CASE}.stix.json`);
  const stix = jsonOf<{
    type: string;
    id: string;
    objects: ({ type: string; id: string } & Record<string, unknown>)[];
  }>(stixFile.bytes);
  expect(stix.type).toBe('bundle');
  expect(stix.id).toMatch(/^bundle--/);
  const ofType = (type: string) => stix.objects.filter((o) => o.type === type);
  const [report, ...moreReports] = ofType('report');
  expect(moreReports).toHaveLength(0);
  expect(report?.name).toBe(CASE);
  const identities = ofType('identity').map((o) => o.name);
  expect(identities).toEqual(
    expect.arrayContaining(['Mark Galeotti', 'Radio Liberty', 'The Washington Post']),
  );
  const notes = ofType('note');
  expect(notes).toHaveLength(14);
  expect(notes.map((n) => n.abstract).sort()).toEqual([...wordings].sort());
  const opinions = ofType('opinion').map((o) => ({
    explanation: String(o.explanation),
    object_refs: o.object_refs as string[],
  }));
  // Each judgment, its grades, and its evidence both ways: the notes of the claims for it and
  // of those against it are all among the opinion's references.
  expect(opinions.map((o) => o.explanation.split('\n')[0])).toEqual([J1, J2]);
  expect(opinions[0]?.explanation).toContain('Evidence against (cuts against the judgment):');
  expect(opinions.map((o) => o.object_refs.length)).toEqual([4, 5]);
  // The report holds everything else in the bundle.
  expect(report?.object_refs).toEqual(
    stix.objects.filter((o) => o.type !== 'report').map((o) => o.id),
  );
});
