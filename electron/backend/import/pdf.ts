/**
 * PDFs through pdf.js, in the build unpdf ships for servers: the worker runs in-process, so
 * nothing is spawned or fetched. We call pdf.js's `getDocument` ourselves rather than unpdf's
 * `getDocumentProxy` so that every option is ours (no font or CMap URLs that could be fetched)
 * and so that a failed load is destroyed instead of leaked.
 */
import type { getResolvedPDFJS } from 'unpdf';
import { verifyPdfSignature } from './format';
import { readPdfMeta } from './pdfMeta';
import { pdfText } from './pdfParagraphs';
import { isTextItem, pageParagraphs } from './pdfText';
import { describeError, finishText, textTooLong } from './text';
import { ImportError, MAX_TEXT_LENGTH, type ExtractedDocument } from './types';

type PdfJs = Awaited<ReturnType<typeof getResolvedPDFJS>>;
export type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

async function loadPdfJs(): Promise<PdfJs> {
  const { getResolvedPDFJS } = await import('unpdf');
  return getResolvedPDFJS();
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : '';
}

function openError(fileName: string, error: unknown): ImportError {
  if (errorName(error) === 'PasswordException') {
    return new ImportError(
      fileName,
      'This PDF is password-protected; open it with its password, save an unprotected copy ' +
        '(or print it to PDF), and import that.',
    );
  }
  return damaged(fileName, error);
}

function damaged(fileName: string, error: unknown): ImportError {
  return new ImportError(
    fileName,
    `This PDF is damaged or incomplete (${describeError(error)}). ` +
      'Download it again, or re-save it from a PDF viewer, and import the new copy.',
  );
}

function scanned(fileName: string): ImportError {
  return new ImportError(
    fileName,
    'This PDF has no text layer (it may be a scanned image). Run OCR on it first, or paste its text.',
  );
}

function pagesWithoutText(pages: readonly number[]): string {
  const listed = pages.slice(0, 10).join(', ');
  const more = pages.length > 10 ? ` and ${pages.length - 10} more` : '';
  return pages.length === 1
    ? `Page ${listed} has no text layer (it may be a scanned image); its text is missing.`
    : `Pages ${listed}${more} have no text layer (they may be scanned images); their text is missing.`;
}

async function open(pdfjs: PdfJs, fileName: string, bytes: Uint8Array): Promise<PdfDocument> {
  const task = pdfjs.getDocument({
    // A copy: pdf.js transfers (detaches) the buffer it is given, and the caller's is not ours.
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    enableXfa: false,
    stopAtErrors: false,
    // No URLs: with none, pdf.js has nothing it could fetch for fonts, CMaps, ICC or WASM.
    cMapUrl: undefined,
    standardFontDataUrl: undefined,
    wasmUrl: undefined,
    iccUrl: undefined,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw openError(fileName, error);
  }
}

/**
 * pdf.js parses on our event loop, page by page. Ten thousand pages of prose would be far past
 * the text limit anyway; refusing on the count spares minutes on a file of empty pages.
 */
export const MAX_PDF_PAGES = 10_000;

/** Pages' paragraphs of lines in order, stopping early once the document is too long. */
async function readPages(pdf: PdfDocument, fileName: string): Promise<string[][][]> {
  if (pdf.numPages > MAX_PDF_PAGES) {
    throw new ImportError(
      fileName,
      `This PDF has ${pdf.numPages.toLocaleString('en-US')} pages; Claimdesk imports PDFs of up to ` +
        `${MAX_PDF_PAGES.toLocaleString('en-US')} pages. Split it and import the parts.`,
    );
  }
  const texts: string[][][] = [];
  let length = 0;
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    const text = pageParagraphs(content.items.filter(isTextItem));
    page.cleanup();
    for (const lines of text) for (const line of lines) length += line.length + 1;
    if (length > MAX_TEXT_LENGTH) throw textTooLong(fileName);
    texts.push(text);
  }
  return texts;
}

export async function extractPdf(fileName: string, bytes: Uint8Array): Promise<ExtractedDocument> {
  verifyPdfSignature(fileName, bytes);
  const pdfjs = await loadPdfJs();
  const pdf = await open(pdfjs, fileName, bytes);
  try {
    const pages = await readPages(pdf, fileName);
    const empty = pages.flatMap((text, i) => (text.length > 0 ? [] : [i + 1]));
    if (empty.length === pages.length) throw scanned(fileName);
    const meta = await readPdfMeta(pdf);
    return {
      format: 'pdf',
      text: finishText(fileName, pdfText(pages)),
      meta,
      warnings: empty.length > 0 ? [pagesWithoutText(empty)] : [],
    };
  } catch (error) {
    // pdf.js may fail page by page on a truncated file that opened: same sentence as at open.
    throw error instanceof ImportError ? error : damaged(fileName, error);
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}
