/**
 * Importing documents (issue 3): HTML, PDF, DOCX and plain text through "Import files…" and
 * by drag and drop; duplicates and new versions; files that cannot be read; hostile pages.
 */
import type { TestInfo } from '@playwright/test';
import type { AppPage } from '../support/appPage';
import { expect, test } from '../support/fixtures';
import {
  makeDocx,
  makeImageOnlyPdf,
  makePdf,
  newsPage,
  utf8,
  writeFixture,
  type ArticleSpec,
} from '../support/files';

const GALEOTTI =
  'Mark Galeotti, an emeritus professor at University College London, told Radio Liberty that ' +
  'if the United States moved to topple Maduro, Russia could offer little beyond diplomacy.';
const ZAKHAROVA_QUOTE =
  '“Moscow condemns the use of excessive military force in operations presented as anti-drug measures.”';
const ZAKHAROVA =
  `Maria Zakharova, the Foreign Ministry spokesperson, spoke to reporters on 30 October. ` +
  `${ZAKHAROVA_QUOTE} She added that Russia stands with the Venezuelan people.`;
const SITENKO =
  'Alexandra Sitenko, a political scientist based in Berlin, said the war in Ukraine rules out ' +
  'sending Russian troops to Venezuela.';

const ARTICLE: ArticleSpec = {
  title: 'Can Moscow save Maduro?',
  outlet: 'Defence Daily',
  author: 'Jane Reporter',
  url: 'https://defence.example/2025/11/moscow-maduro',
  publishedTime: '2025-11-02T08:15:00+03:00',
  paragraphs: [GALEOTTI, ZAKHAROVA, SITENKO],
};

const UPDATE_NOTE =
  'Update, 3 November: this article was revised after the Foreign Ministry published a transcript.';
/** The same page a day later: a note on top, and Zakharova's quoted sentence gone. */
const REVISED: ArticleSpec = {
  ...ARTICLE,
  paragraphs: [UPDATE_NOTE, GALEOTTI, ZAKHAROVA.replace(` ${ZAKHAROVA_QUOTE}`, ''), SITENKO],
};

const BOILERPLATE = [
  'Subscribe now',
  'Home',
  'Most read',
  'Celebrity chef',
  'All rights reserved',
  'Cookie settings',
  'analyticsQueue',
  'page-view-tracker',
  'late-script-ran',
];

async function htmlFile(testInfo: TestInfo, spec: ArticleSpec, name = 'moscow-maduro.html') {
  return writeFixture(testInfo.outputPath(name), newsPage(spec));
}

/** Imports `file` (an unseen one) and confirms the dialog as pre-filled. */
async function importNew(app: AppPage, file: string, title: string) {
  await app.importFiles(file);
  await expect(app.importDialog).toBeVisible();
  await app.confirmImport(title);
}

test('an HTML page is imported with its metadata pre-filled and only the article text', async ({
  app,
}, testInfo) => {
  await app.createCase('HTML import');
  const file = await htmlFile(testInfo, ARTICLE);

  await app.importFiles(file);
  const dialog = app.importDialog;
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('moscow-maduro.html · HTML')).toBeVisible();
  await expect(dialog.getByLabel('Title')).toHaveValue('Can Moscow save Maduro?');
  await expect(dialog.getByLabel('Outlet (optional)')).toHaveValue('Defence Daily');
  await expect(dialog.getByLabel('Author (optional)')).toHaveValue('Jane Reporter');
  await expect(dialog.getByLabel('URL (optional)')).toHaveValue(ARTICLE.url);
  // The writer's calendar day (+03:00), not the UTC one.
  await expect(dialog.getByLabel('Published (optional)')).toHaveValue('2025-11-02');
  await app.confirmImport('Can Moscow save Maduro?');

  await expect(app.documentItems).toHaveCount(1);
  await expect(app.documentItems.first()).toContainText('Defence Daily');
  await expect(app.page.getByText('Defence Daily · Jane Reporter · 2025-11-02')).toBeVisible();
  for (const paragraph of ARTICLE.paragraphs) await expect(app.readerText).toContainText(paragraph);
  const text = (await app.readerText.textContent()) ?? '';
  expect(text).toContain(`${GALEOTTI}\n\n${ZAKHAROVA}\n\n${SITENKO}`);
  for (const junk of BOILERPLATE) expect(text).not.toContain(junk);
});

test('the same file again is "Already in this case", and Skip adds nothing', async ({
  app,
}, testInfo) => {
  await app.createCase('Duplicate import');
  const file = await htmlFile(testInfo, ARTICLE);
  await importNew(app, file, ARTICLE.title);
  await expect(app.documentItems).toHaveCount(1);

  await app.importFiles(file);
  await expect(app.importDialog.getByRole('alert')).toHaveText(
    'Already in this case: this text is “Can Moscow save Maduro?”.',
  );
  await app.importDialog.getByRole('button', { name: 'Skip' }).click();
  await expect(app.importDialog).toBeHidden();
  await expect(app.page.getByRole('status').filter({ hasText: 'Waiting' })).toHaveCount(0);
  await expect(app.documentItems).toHaveCount(1);
  await expect(app.readerHeading).toHaveText(ARTICLE.title);
});

test('a new version keeps claims whose passage survived, and puts the others up for review', async ({
  app,
}, testInfo) => {
  await app.createCase('New version');
  await importNew(app, await htmlFile(testInfo, ARTICLE), ARTICLE.title);

  await app.selectWithMouse('Russia could offer little beyond diplomacy');
  await app.createClaim('Diplomacy only (Galeotti).');
  await app.selectWithMouse('condemns the use of excessive military force');
  await app.createClaim('Moscow condemns excessive force.');
  await app.selectWithMouse('operations presented as anti-drug measures');
  await app.createClaim('The strikes are presented as anti-drug measures.');
  await expect(app.claimCards).toHaveCount(3);

  // The revised page, saved under the same name.
  const revised = await htmlFile(testInfo, REVISED, 'moscow-maduro.html');
  await app.importFiles(revised);
  const dialog = app.importDialog;
  await expect(dialog).toBeVisible();
  const asVersion = dialog.getByRole('radio', {
    name: 'New version of “Can Moscow save Maduro?” (its claims are moved over)',
  });
  await expect(asVersion).toBeChecked();
  await app.confirmImport(ARTICLE.title);

  await expect(app.readerText).toContainText(UPDATE_NOTE);
  await expect(app.readerText).not.toContainText('excessive military force');
  await expect(app.documentItems).toHaveCount(1);
  await expect(app.documentItems.first()).toContainText('new version');
  await expect(
    app.page.getByRole('combobox', { name: 'Version' }).locator('option:checked'),
  ).toHaveText(/^2 of 2 · \d{4}-\d{2}-\d{2} \(latest\)$/);
  await expect(app.page.locator('.notices .notice.warning')).toContainText(
    'New version imported: 1 claim moved to it, 2 could not be placed and wait for review.',
  );

  // The surviving claim is highlighted in the new version.
  await expect(app.highlights).toHaveCount(1);
  await expect(app.highlights.first()).toHaveText('Russia could offer little beyond diplomacy');

  // The two others wait for review.
  const review = app.orphanReview;
  await expect(review.getByRole('heading')).toHaveText(
    '2 claims could not be placed in this version',
  );
  const kept = review.getByRole('listitem').filter({ hasText: 'Moscow condemns excessive force.' });
  const moved = review
    .getByRole('listitem')
    .filter({ hasText: 'The strikes are presented as anti-drug measures.' });
  await expect(kept).toHaveCount(1);
  await expect(moved).toHaveCount(1);
  await expect(moved.getByRole('button', { name: 'Re-attach to selection' })).toBeDisabled();
  const keptCard = app.claimCard('Moscow condemns excessive force.');
  await expect(keptCard.locator('.badge.orphan')).toHaveText('Needs review');

  await kept.getByRole('button', { name: 'Keep on old version' }).click();
  await expect(kept).toHaveCount(0);
  await expect(keptCard.locator('.badge.orphan')).toHaveCount(0);
  await expect(review.getByRole('heading')).toHaveText(
    '1 claim could not be placed in this version',
  );

  await app.selectWithMouse('Russia stands with the Venezuelan people');
  await moved.getByRole('button', { name: 'Re-attach to selection' }).click();
  await expect(review).toBeHidden();
  await expect(app.highlights).toHaveCount(2);
  await expect(app.highlights.nth(1)).toHaveText('Russia stands with the Venezuelan people');
  const card = app.claimCard('The strikes are presented as anti-drug measures.');
  await expect(card.locator('.claim-quote')).toHaveText('Russia stands with the Venezuelan people');
  await expect(card.locator('.badge.orphan')).toHaveCount(0);

  // The kept claim still lives on the first version, highlighted there.
  await app.page.getByRole('combobox', { name: 'Version' }).selectOption({ index: 0 });
  await expect(app.readerText).toContainText('excessive military force');
  await expect(
    app.highlights.filter({ hasText: 'condemns the use of excessive military force' }),
  ).toHaveCount(1);
});

test('a .txt file dropped on the window is imported', async ({ app }) => {
  await app.createCase('Drop');
  const text =
    'Alexey Chepa told Lenta.ru that Russia would help Venezuela as far as it can.\n\n' +
    'He said the war with the entire NATO bloc limits Moscow.';
  await app.dropFiles([{ name: 'chepa-notes.txt', type: 'text/plain', bytes: utf8(text) }]);
  await expect(app.importDialog).toBeVisible();
  await expect(app.importDialog.getByText('chepa-notes.txt · TXT')).toBeVisible();
  await app.confirmImport('chepa-notes');
  await expect(app.readerText).toHaveText(text);
  await expect(app.documentItems).toHaveCount(1);
});

test('a PDF and a DOCX picked together import one after the other, with their text', async ({
  app,
}, testInfo) => {
  await app.createCase('PDF and DOCX');
  const pdf = await writeFixture(
    testInfo.outputPath('galeotti.pdf'),
    await makePdf({
      title: 'Galeotti on Venezuela',
      author: 'Jane Analyst',
      paragraphs: [
        ['Mark Galeotti told Radio Liberty that Russia', 'can do no more than diplomacy.'],
        ['Alexandra Sitenko said limited help cannot be ruled out.'],
      ],
    }),
  );
  const docx = await writeFixture(
    testInfo.outputPath('zakharova.docx'),
    await makeDocx({
      title: 'Zakharova briefing',
      paragraphs: ['Мария Захарова заявила: Россия готова ответить.', 'Second paragraph 🇷🇺.'],
    }),
  );

  await app.importFiles(pdf, docx);
  await expect(app.importDialog.getByText('galeotti.pdf · PDF')).toContainText('file 1 of 2');
  await app.confirmImport('Galeotti on Venezuela');
  await expect(app.importDialog.getByText('zakharova.docx · DOCX')).toContainText('file 2 of 2');
  await app.confirmImport('Zakharova briefing');
  await expect(app.readerText).toHaveText(
    'Мария Захарова заявила: Россия готова ответить.\n\nSecond paragraph 🇷🇺.',
  );
  await expect(app.documentItems).toHaveCount(2);

  await app.openDocument('Galeotti on Venezuela');
  await expect(app.readerText).toHaveText(
    // Lines of one paragraph join into running text (issue 12).
    'Mark Galeotti told Radio Liberty that Russia can do no more than diplomacy.\n\n' +
      'Alexandra Sitenko said limited help cannot be ruled out.',
  );
});

const BAD_FILES: { name: string; reason: string; bytes: () => Promise<Uint8Array> }[] = [
  {
    name: 'transcript.txt',
    reason: 'This file contains binary data (NUL bytes), so it is not a text file.',
    bytes: async () => utf8('Zakharova said\u0000\u0000\u0001 something'),
  },
  {
    name: 'notes.md',
    reason: 'This file holds no text.',
    bytes: async () => new Uint8Array(0),
  },
  {
    name: 'scan.pdf',
    reason: 'This PDF has no text layer (it may be a scanned image). Run OCR on it first',
    bytes: makeImageOnlyPdf,
  },
  {
    name: 'broken.docx',
    reason: 'This is not a readable Word document',
    bytes: async () => {
      const whole = await makeDocx({ paragraphs: ['A paragraph that will be cut off.'] });
      return whole.subarray(0, Math.floor(whole.length / 2));
    },
  },
];

for (const bad of BAD_FILES) {
  test(`${bad.name} is refused with a notice naming it and why; the documents stay as they were`, async ({
    app,
  }, testInfo) => {
    // The sample case, with its one document.
    await expect(app.documentItems).toHaveCount(1);
    const file = await writeFixture(testInfo.outputPath(bad.name), await bad.bytes());
    await app.importFiles(file);
    await expect(app.errorNotices).toHaveCount(1);
    await expect(app.errorNotices).toContainText(`${bad.name}: ${bad.reason}`);
    await expect(app.importDialog).toBeHidden();
    await expect(app.page.locator('.import-status')).toBeHidden();
    await expect(app.documentItems).toHaveCount(1);
    await expect(app.readerText).toContainText('Mark Galeotti');
  });
}

test('a page with scripts, handlers, javascript: links and an iframe runs nothing', async ({
  app,
  page,
}, testInfo) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await app.createCase('Hostile page');
  const hostile = `<!DOCTYPE html><html><head>
    <title>Statement of 1 November</title>
    <link rel="canonical" href="javascript:alert('canonical')">
    <script>alert(1)</script>
    <script>window.pwned = 'head-script';</script>
  </head><body onload="alert('onload')">
    <article>
      <p onclick="alert('onclick')">${SITENKO}</p>
      <p>Read the <a href="javascript:alert('link')">full statement</a> here.</p>
      <img src="missing.png" onerror="alert('onerror')" alt="IMG-ALT">
      <iframe src="javascript:alert('iframe')">IFRAME-TEXT</iframe>
      <iframe srcdoc="&lt;script&gt;parent.alert('srcdoc')&lt;/script&gt;"></iframe>
      <svg onload="alert('svg')"><script>alert('svg-script')</script></svg>
      <p>${GALEOTTI}</p>
    </article>
    <script>document.write('WRITTEN'); alert('late')</script>
  </body></html>`;
  await app.importFiles(await writeFixture(testInfo.outputPath('statement.html'), hostile));
  const dialog = app.importDialog;
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('URL (optional)')).toHaveValue('');
  await dialog.getByText('Preview the text').click();
  await expect(dialog.locator('pre.preview')).toContainText('full statement');
  await app.confirmImport('Statement of 1 November');

  await expect(app.readerText).toHaveText(
    `${SITENKO}\n\nRead the full statement here.\n\n${GALEOTTI}`,
  );
  for (const leak of ['alert', 'script', 'javascript', 'onerror', 'IMG-ALT', 'IFRAME', 'WRITTEN']) {
    await expect(app.readerText).not.toContainText(leak);
  }
  await expect(app.page.locator('iframe, script:not([src])')).toHaveCount(0);
  expect(
    await page.evaluate(() => (window as unknown as { pwned?: string }).pwned),
  ).toBeUndefined();
  expect(dialogs).toEqual([]);
});
