/**
 * Title, author and date from a PDF's Info dictionary, falling back to its XMP packet. pdf.js
 * types both as loose objects, so every value is checked before use. The creation date is the
 * best publication date a PDF carries; the analyst can correct it.
 */
import { toIsoDate } from './dates';
import type { PdfDocument } from './pdf';
import { cleanMetaValue } from './text';
import { emptyMeta, type DocumentMeta } from './types';

function stringOf(value: unknown): string {
  if (typeof value === 'string') return value;
  // XMP lists (dc:creator is a sequence) come back as arrays of strings.
  if (Array.isArray(value)) return value.filter((v) => typeof v === 'string').join(', ');
  return '';
}

function field(source: unknown, key: string): string {
  return typeof source === 'object' && source !== null ? stringOf(Reflect.get(source, key)) : '';
}

function xmpField(metadata: unknown, key: string): string {
  if (typeof metadata !== 'object' || metadata === null) return '';
  const get: unknown = Reflect.get(metadata, 'get');
  if (typeof get !== 'function') return '';
  const value: unknown = Reflect.apply(get, metadata, [key]);
  return stringOf(value);
}

/** Word and its PDF printers title documents after the file: "Microsoft Word - brief.docx". */
function cleanTitle(title: string): string {
  return cleanMetaValue(
    title
      .replace(/^Microsoft (?:Word|PowerPoint|Excel) - /, '')
      .replace(/\.(?:docx?|pptx?|xlsx?)$/i, ''),
  );
}

export async function readPdfMeta(pdf: PdfDocument): Promise<DocumentMeta> {
  const meta = emptyMeta();
  // A broken Info dictionary costs the metadata, not the import.
  const result = await pdf.getMetadata().catch(() => null);
  if (!result) return meta;
  const info: unknown = result.info;
  const xmp: unknown = result.metadata;
  meta.title = cleanTitle(field(info, 'Title') || xmpField(xmp, 'dc:title'));
  meta.author = cleanMetaValue(field(info, 'Author') || xmpField(xmp, 'dc:creator'));
  meta.publishedAt =
    toIsoDate(field(info, 'CreationDate')) || toIsoDate(xmpField(xmp, 'xmp:createdate'));
  return meta;
}
