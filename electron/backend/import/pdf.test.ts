import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { extractDocument, ImportError } from './extract';
import { makeEncryptedPdf, makeImageOnlyPdf, makePdf, utf8 } from './testFixtures';

const ARTICLE = {
  title: 'Russia and Venezuela: what Moscow can offer',
  author: 'Jane Analyst',
  creationDate: new Date(Date.UTC(2025, 10, 3, 12, 0, 0)),
  pages: [
    [
      ['Mark Galeotti told Radio Liberty that Russia', 'can do no more than diplomacy.'],
      ['Alexandra Sitenko said limited help cannot be ruled out.'],
    ],
    [['Maria Zakharova condemned "excessive military force".']],
  ],
};

async function refusal(fileName: string, bytes: Uint8Array): Promise<ImportError> {
  const error: unknown = await extractDocument({ fileName, bytes }).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ImportError))
    throw new Error(`expected an ImportError, got ${String(error)}`);
  expect(error.fileName).toBe(fileName);
  expect(error.message).toBe(`${fileName}: ${error.reason}`);
  return error;
}

describe('PDF import', () => {
  it('extracts the text layer with lines joined, paragraphs and pages kept apart', async () => {
    const doc = await extractDocument({ fileName: 'brief.pdf', bytes: await makePdf(ARTICLE) });
    expect(doc.format).toBe('pdf');
    expect(doc.text).toBe(
      [
        'Mark Galeotti told Radio Liberty that Russia can do no more than diplomacy.',
        'Alexandra Sitenko said limited help cannot be ruled out.',
        'Maria Zakharova condemned "excessive military force".',
      ].join('\n\n'),
    );
    expect(doc.warnings).toEqual([]);
  });

  it('maps the Info dictionary to title, author and publishedAt', async () => {
    const doc = await extractDocument({ fileName: 'brief.PDF', bytes: await makePdf(ARTICLE) });
    expect(doc.meta).toEqual({
      title: ARTICLE.title,
      author: ARTICLE.author,
      outlet: '',
      url: '',
      publishedAt: '2025-11-03',
    });
  });

  it('refuses a PDF with no text layer, suggesting OCR', async () => {
    const error = await refusal('scan.pdf', await makeImageOnlyPdf());
    expect(error.reason).toBe(
      'This PDF has no text layer (it may be a scanned image). Run OCR on it first, or paste its text.',
    );
  });

  it('warns about the pages that have no text layer when others have one', async () => {
    const bytes = await makePdf({ pages: [[['Page one has text.']], [], [['Page three too.']]] });
    const doc = await extractDocument({ fileName: 'mixed.pdf', bytes });
    expect(doc.text).toBe('Page one has text.\n\nPage three too.');
    expect(doc.warnings).toEqual([
      'Page 2 has no text layer (it may be a scanned image); its text is missing.',
    ]);
  });

  it('refuses a truncated PDF with an ImportError, not a crash', async () => {
    const whole = await makePdf(ARTICLE);
    const error = await refusal('cut.pdf', whole.subarray(0, Math.floor(whole.length / 2)));
    expect(error.reason).toBe(
      'This PDF is damaged or incomplete (Invalid PDF structure). ' +
        'Download it again, or re-save it from a PDF viewer, and import the new copy.',
    );
  });

  it('refuses a PDF whose cross-reference table is garbage', async () => {
    const text = Buffer.from(await makePdf(ARTICLE)).toString('latin1');
    const broken = text.replace(
      /xref[\s\S]*$/,
      'xref\nnot a table\ntrailer\n<< /Root 99 0 R >>\n%%EOF',
    );
    const error = await refusal('bad-xref.pdf', new Uint8Array(Buffer.from(broken, 'latin1')));
    expect(error.reason).toMatch(/damaged or incomplete/);
  });

  it('refuses a PDF of more than 10,000 pages before reading any', async () => {
    const pdf = await PDFDocument.create();
    for (let i = 0; i < 10_001; i++) pdf.addPage([100, 100]);
    const error = await refusal('huge.pdf', await pdf.save());
    expect(error.reason).toBe(
      'This PDF has 10,001 pages; Claimdesk imports PDFs of up to 10,000 pages. Split it and import the parts.',
    );
  });

  it('refuses a password-protected PDF and says how to get an unprotected copy', async () => {
    const error = await refusal('locked.pdf', await makeEncryptedPdf());
    expect(error.reason).toMatch(/^This PDF is password-protected; .*save an unprotected copy/);
  });

  it('refuses a .pdf that does not start with %PDF-', async () => {
    const error = await refusal('fake.pdf', utf8('<html>not a pdf</html>'));
    expect(error.reason).toMatch(/is not a PDF \(it does not start with "%PDF-"\)/);
  });

  it("leaves the caller's bytes intact (pdf.js detaches the buffer it is given)", async () => {
    const bytes = await makePdf(ARTICLE);
    const before = Buffer.from(bytes).toString('base64');
    await extractDocument({ fileName: 'brief.pdf', bytes });
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect(Buffer.from(bytes).toString('base64')).toBe(before);
  });

  it('never reaches for the network', async () => {
    const realFetch = globalThis.fetch;
    const fetched: string[] = [];
    globalThis.fetch = (input: Parameters<typeof fetch>[0]) => {
      fetched.push(
        typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      );
      return Promise.reject(new Error('network disabled in this test'));
    };
    try {
      await extractDocument({ fileName: 'brief.pdf', bytes: await makePdf(ARTICLE) });
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(fetched).toEqual([]);
  });
});
