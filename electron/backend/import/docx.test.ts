import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { extractDocument, ImportError } from './extract';
import { buildZip, deflatedEntry, makeDocx, utf8 } from './testFixtures';

const MB = 1024 * 1024;

async function refusal(fileName: string, bytes: Uint8Array): Promise<ImportError> {
  const error: unknown = await extractDocument({ fileName, bytes }).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ImportError))
    throw new Error(`expected an ImportError, got ${String(error)}`);
  expect(error.message).toBe(`${fileName}: ${error.reason}`);
  return error;
}

/** Rewrites one part of a DOCX, to pin a property the docx package sets to "now". */
async function withPart(docx: Uint8Array, name: string, content: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(docx);
  zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('DOCX import', () => {
  it('extracts paragraphs separated by blank lines, Cyrillic and emoji intact', async () => {
    const bytes = await makeDocx({
      paragraphs: ['Мария Захарова заявила 🇷🇺', '', 'Second paragraph.', 'Third.'],
    });
    const doc = await extractDocument({ fileName: 'Statement.DOCX', bytes });
    expect(doc.format).toBe('docx');
    expect(doc.text).toBe('Мария Захарова заявила 🇷🇺\n\nSecond paragraph.\n\nThird.');
    expect(doc.warnings).toEqual([]);
  });

  it('maps core properties dc:title, dc:creator and dcterms:created to meta', async () => {
    const bytes = await makeDocx({
      paragraphs: ['Body.'],
      title: 'Duma remarks',
      creator: 'A. Chepa',
    });
    const doc = await extractDocument({ fileName: 'chepa.docx', bytes });
    expect(doc.meta.title).toBe('Duma remarks');
    expect(doc.meta.author).toBe('A. Chepa');
    // The docx package stamps dcterms:created with the time it ran.
    expect(doc.meta.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(doc.meta.outlet).toBe('');
    expect(doc.meta.url).toBe('');
  });

  it('reads dcterms:created as the source wrote it, whatever the namespace prefixes', async () => {
    const core = `<?xml version="1.0" encoding="UTF-8"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
 xmlns:d="http://purl.org/dc/elements/1.1/" xmlns:t="http://purl.org/dc/terms/"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<d:title>Ratification &amp; after</d:title><d:creator>Lenta.ru desk</d:creator>
<t:created xsi:type="dcterms:W3CDTF">2025-11-01T23:30:00-05:00</t:created></cp:coreProperties>`;
    const bytes = await withPart(
      await makeDocx({ paragraphs: ['Body.'] }),
      'docProps/core.xml',
      core,
    );
    const { meta } = await extractDocument({ fileName: 'lenta.docx', bytes });
    expect(meta).toEqual({
      title: 'Ratification & after',
      author: 'Lenta.ru desk',
      outlet: '',
      url: '',
      publishedAt: '2025-11-01',
    });
  });

  it('expands no DTD entities in core properties (no billion laughs, no XXE)', async () => {
    const core = `<?xml version="1.0"?><!DOCTYPE c [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;">
<!ENTITY x SYSTEM "file:///etc/passwd">]><cp:coreProperties xmlns:cp="c" xmlns:dc="d">
<dc:title>&b;</dc:title><dc:creator>&x;</dc:creator></cp:coreProperties>`;
    const bytes = await withPart(
      await makeDocx({ paragraphs: ['Body.'] }),
      'docProps/core.xml',
      core,
    );
    const { meta, text } = await extractDocument({ fileName: 'dtd.docx', bytes });
    expect(text).toBe('Body.');
    expect(meta.title).not.toContain('lollol');
    expect(meta.author).not.toContain('root:');
  });

  it('refuses a corrupted zip as not a readable Word document', async () => {
    const bytes = await makeDocx({ paragraphs: ['Body.'] });
    const corrupted = bytes.slice();
    // Keep the signature, wreck everything after it, central directory included.
    for (let i = 4; i < corrupted.length; i++) corrupted[i] = (i * 31) & 0xff;
    const error = await refusal('broken.docx', corrupted);
    expect(error.reason).toMatch(/^This is not a readable Word document \(.+\)\. Open it in Word/);
  });

  it('refuses a zip that is not a Word document', async () => {
    const bytes = buildZip([deflatedEntry('notes.txt', utf8('hello'))]);
    const error = await refusal('notes.docx', bytes);
    expect(error.reason).toMatch(/^This is not a readable Word document \(/);
  });

  it('refuses an encrypted DOCX (an OLE compound file) as password-protected', async () => {
    const bytes = new Uint8Array(4096);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    bytes.set(Buffer.from('EncryptedPackage', 'utf16le'), 1024);
    const error = await refusal('locked.docx', bytes);
    expect(error.reason).toBe(
      'This document is password-protected; save an unprotected copy and import that.',
    );
  });

  it('tells a Word 97-2003 file renamed to .docx from an encrypted one', async () => {
    const bytes = new Uint8Array(4096);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    bytes.set(Buffer.from('WordDocument', 'utf16le'), 1024);
    const error = await refusal('old.docx', bytes);
    expect(error.reason).toMatch(/older Word \(\.doc\) file/);
  });

  it('refuses a .docx that is neither a zip nor a compound file', async () => {
    const error = await refusal('text.docx', utf8('just some text'));
    expect(error.reason).toMatch(
      /^This is not a readable Word document \(it is not a zip archive\)/,
    );
  });
});

describe('DOCX zip-bomb guard', () => {
  it('refuses a real zip holding 150 MB of zeros, from its directory alone', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', new Uint8Array(150 * MB));
    const bomb = await zip.generateAsync({
      type: 'uint8array',
      compression: 'DEFLATE',
      compressionOptions: { level: 9 },
      streamFiles: true,
    });
    expect(bomb.length).toBeLessThan(MB);
    const error = await refusal('bomb.docx', bomb);
    expect(error.reason).toMatch(
      /^This document would unpack to 150 MB in one part \(the limit is 100 MB\), which looks like a zip bomb/,
    );
  }, 60_000);

  it('refuses on the declared sizes before inflating anything', async () => {
    // The data inflates to 5 bytes; only the directory claims 150 MB. Inflating would
    // reveal the lie, so a refusal that names 150 MB was decided from the directory.
    const entry = { ...deflatedEntry('word/document.xml', utf8('small')), declaredSize: 150 * MB };
    const error = await refusal('forged.docx', buildZip([entry]));
    expect(error.reason).toMatch(/would unpack to 150 MB in one part/);
  });

  it('refuses more than 200 MB in all, each part under the per-part limit', async () => {
    const parts = [1, 2, 3].map((n) => ({
      ...deflatedEntry(`word/part${n}.xml`, utf8('x')),
      declaredSize: 80 * MB,
    }));
    const error = await refusal('total.docx', buildZip(parts));
    expect(error.reason).toMatch(/would unpack to 240 MB in all \(the limit is 200 MB\)/);
  });

  it('refuses a compression ratio above 200', async () => {
    // 8 MB of zeros deflates to about 8 KB: a ratio near 1,000.
    const entry = deflatedEntry('word/document.xml', new Uint8Array(8 * MB));
    const error = await refusal('ratio.docx', buildZip([entry]));
    expect(error.reason).toMatch(/times its compressed size in one part \(the limit is 200\)/);
  });

  it('refuses a part that inflates past the size its directory declares', async () => {
    // Declares 1 KB, inflates to 1 MB: JSZip would trust the directory and inflate it all.
    const entry = deflatedEntry('word/document.xml', new Uint8Array(MB), 1024);
    const error = await refusal('liar.docx', buildZip([entry]));
    expect(error.reason).toMatch(
      /would unpack to more than its directory declares for word\/document\.xml/,
    );
  });

  it('refuses an archive with more parts than any Word document has', async () => {
    const entries = Array.from({ length: 10_001 }, (_, i) => deflatedEntry(`p/${i}`, utf8('')));
    const error = await refusal('many.docx', buildZip(entries));
    expect(error.reason).toMatch(/would unpack to 10001 parts/);
  });
});
