/**
 * Opening the files Claimdesk exports the way their readers would: a DOCX as its zip of
 * WordprocessingML parts, a PDF through its text layer (pdf.js, via unpdf), a CSV as RFC 4180
 * rows. Downloads are kept in the test's output folder, so a failing run leaves them to look at.
 */
import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page, TestInfo } from '@playwright/test';
import JSZip from 'jszip';
import { extractText, getDocumentProxy } from 'unpdf';

export interface SavedDownload {
  /** The name the browser was offered (the `download` attribute). */
  fileName: string;
  /** Where the test kept it. */
  path: string;
  bytes: Buffer;
}

/** Clicks `button` and returns the file the click downloads, saved under the test's output. */
export async function downloadFrom(
  page: Page,
  button: Locator,
  testInfo: TestInfo,
): Promise<SavedDownload> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return keep(download, testInfo);
}

export async function keep(download: Download, testInfo: TestInfo): Promise<SavedDownload> {
  const fileName = download.suggestedFilename();
  const path = testInfo.outputPath('downloads', fileName);
  await download.saveAs(path);
  const failure = await download.failure();
  if (failure) throw new Error(`download of ${fileName} failed: ${failure}`);
  return { fileName, path, bytes: await readFile(path) };
}

// ---- DOCX --------------------------------------------------------------------------------

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The visible text of a WordprocessingML part: its `w:t` runs, joined. */
export function wordText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) =>
      (m[1] ?? '').replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => XML_ENTITIES[e] ?? ''),
    )
    .join('');
}

export interface DocxParts {
  /** word/document.xml, raw. */
  body: string;
  /** word/footnotes.xml, raw. */
  footnotes: string;
  /** The parts' visible text. */
  bodyText: string;
  footnotesText: string;
  /** Every part's name in the zip. */
  names: string[];
}

export async function readDocx(bytes: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const part = async (name: string) => {
    const text = await zip.file(name)?.async('string');
    if (text === undefined) throw new Error(`the DOCX has no ${name}`);
    return text;
  };
  const body = await part('word/document.xml');
  const footnotes = await part('word/footnotes.xml');
  return {
    body,
    footnotes,
    bodyText: wordText(body),
    footnotesText: wordText(footnotes),
    names: Object.keys(zip.files),
  };
}

// ---- PDF ---------------------------------------------------------------------------------

/** The PDF's text layer, all pages, with runs of white space made one space. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

// ---- Text, CSV, JSON -----------------------------------------------------------------------

export const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

export function startsWithBom(bytes: Uint8Array): boolean {
  return UTF8_BOM.every((b, i) => bytes[i] === b);
}

/** UTF-8 text, a leading byte order mark dropped. */
export function utf8Text(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/**
 * RFC 4180 rows: fields split on commas, quoted fields may hold commas, line breaks and
 * doubled quotes; records end with CRLF (a final one is not an empty record).
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export function jsonOf<T = unknown>(bytes: Uint8Array): T {
  return JSON.parse(utf8Text(bytes)) as T;
}
