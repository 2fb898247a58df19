import { describe, expect, it } from 'vitest';
import {
  extractDocument,
  formatFromFileName,
  ImportError,
  MAX_IMPORT_BYTES,
  MAX_TEXT_LENGTH,
  SUPPORTED_EXTENSIONS,
} from './extract';
import { markdownTitle } from './plainText';
import { utf8 } from './testFixtures';

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

describe('formats', () => {
  it('maps every supported extension, case-insensitively, and nothing else', () => {
    expect(SUPPORTED_EXTENSIONS).toEqual([
      '.txt',
      '.md',
      '.markdown',
      '.html',
      '.htm',
      '.pdf',
      '.docx',
    ]);
    expect(formatFromFileName('notes.TXT')).toBe('txt');
    expect(formatFromFileName('README.Markdown')).toBe('md');
    expect(formatFromFileName('C:\\Users\\a\\page.HTM')).toBe('html');
    expect(formatFromFileName('/tmp/report.v2.Pdf')).toBe('pdf');
    expect(formatFromFileName('brief.docx')).toBe('docx');
    for (const name of ['brief.doc', 'sheet.xlsx', 'pdf', '.pdf', 'archive.pdf.zip', 'noext']) {
      expect(formatFromFileName(name)).toBeNull();
    }
  });

  it('refuses an unsupported extension, naming the supported formats', async () => {
    const error = await refusal('slides.pptx', utf8('x'));
    expect(error.reason).toBe(
      'Claimdesk cannot import .pptx files. Supported formats: .txt, .md, .markdown, .html, .htm, .pdf, .docx.',
    );
    expect((await refusal('README', utf8('x'))).reason).toMatch(
      /^Claimdesk cannot import files without an extension\./,
    );
  });
});

describe('plain text', () => {
  it('keeps text as is, with "\\n" line ends and no surrounding whitespace', async () => {
    const doc = await extractDocument({
      fileName: 'notes.txt',
      bytes: utf8('\n  Line one\r\nline two\r\n\r\nSecond   paragraph.\rEnd  \n\n'),
    });
    expect(doc).toEqual({
      format: 'txt',
      text: 'Line one\nline two\n\nSecond   paragraph.\nEnd',
      meta: { title: '', author: '', outlet: '', url: '', publishedAt: '' },
      warnings: [],
    });
  });

  it('preserves Cyrillic and emoji exactly, NFC-normalised', async () => {
    const text = 'Захарова: «чрезмерная военная сила» 👩🏽‍💻🇻🇪 — Caracas, cafe\u0301';
    const doc = await extractDocument({ fileName: 'quote.txt', bytes: utf8(text) });
    expect(doc.text).toBe('Захарова: «чрезмерная военная сила» 👩🏽‍💻🇻🇪 — Caracas, café');
    expect(doc.text).toBe(text.normalize('NFC'));
  });

  it('strips a UTF-8 byte order mark', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Hello')]);
    expect((await extractDocument({ fileName: 'bom.txt', bytes })).text).toBe('Hello');
  });

  it('refuses a .txt with NUL bytes as binary', async () => {
    const error = await refusal('image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d]));
    expect(error.reason).toMatch(
      /^This file contains binary data \(NUL bytes\), so it is not a text file\./,
    );
  });

  it('refuses invalid UTF-8 (here Windows-1251 Cyrillic)', async () => {
    const error = await refusal('legacy.md', new Uint8Array([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]));
    expect(error.reason).toMatch(/^This file is not valid UTF-8 text .*Save it as UTF-8/);
  });

  it('refuses an empty file, and one holding only whitespace', async () => {
    expect((await refusal('empty.txt', new Uint8Array())).reason).toBe('This file holds no text.');
    expect((await refusal('blank.md', utf8(' \n\t\r\n '))).reason).toBe('This file holds no text.');
  });
});

describe('Markdown', () => {
  it('keeps the Markdown source verbatim and takes the title from the first # heading', async () => {
    const source =
      'Intro line\n\n## Not this\n\n# Russia & *Venezuela* #\n\n- **bold** [link](http://x)\n\n# Second';
    const doc = await extractDocument({ fileName: 'notes.md', bytes: utf8(source) });
    expect(doc.format).toBe('md');
    expect(doc.text).toBe(source);
    expect(doc.meta.title).toBe('Russia & *Venezuela*');
  });

  it('ignores headings inside fenced code and lines that are not ATX headings', () => {
    expect(markdownTitle('```\n# in code\n```\n#hashtag\n    # indented code\n# Real')).toBe(
      'Real',
    );
    expect(markdownTitle('~~~~\n# in code\n~~~\n# still code\n~~~~\n')).toBe('');
  });
});

describe('size limits', () => {
  it('refuses input over MAX_IMPORT_BYTES before parsing, in MB', async () => {
    expect(MAX_IMPORT_BYTES).toBe(50 * 1024 * 1024);
    // Zeros would be refused as binary if the file were parsed; the size check comes first.
    const error = await refusal('huge.txt', new Uint8Array(MAX_IMPORT_BYTES + 1));
    expect(error.reason).toBe('This file is 50.1 MB; Claimdesk imports files up to 50 MB.');
    const big = await refusal('huge.pdf', new Uint8Array(120 * 1024 * 1024));
    expect(big.reason).toBe('This file is 120 MB; Claimdesk imports files up to 50 MB.');
  });

  it('lets a file of exactly MAX_IMPORT_BYTES past the size check, to the text limit', async () => {
    const bytes = new Uint8Array(MAX_IMPORT_BYTES).fill(0x61);
    // 52 million characters of text: past the text limit, so refused for that reason instead.
    const error = await refusal('edge.txt', bytes);
    expect(error.reason).toMatch(/^This document's text is longer than 10,000,000 characters/);
  });

  it('refuses extracted text longer than MAX_TEXT_LENGTH, and accepts text at the limit', async () => {
    expect(MAX_TEXT_LENGTH).toBe(10_000_000);
    const atLimit = new Uint8Array(MAX_TEXT_LENGTH).fill(0x61);
    expect((await extractDocument({ fileName: 'max.txt', bytes: atLimit })).text).toHaveLength(
      MAX_TEXT_LENGTH,
    );
    const over = new Uint8Array(MAX_TEXT_LENGTH + 1).fill(0x61);
    const error = await refusal('long.txt', over);
    expect(error.reason).toBe(
      "This document's text is longer than 10,000,000 characters, more than Claimdesk can show and annotate. " +
        'Split the document and import the parts.',
    );
  });
});
