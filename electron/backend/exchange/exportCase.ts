/** `cases:export`: one case in one of four formats, as a file for the shell to save. */
import type { ExportedFile, ParsedInput } from '../../../shared/contract/channels';
import type { Store } from '../store/store';
import { loadCase, type CaseData } from './caseData';
import { toCaseFile, type ExportMeta } from './caseFile';
import { claimsCsv } from './csv';
import { exportFileName } from '../../../shared/fileNames';
import { stixBundle } from './stix';
import { annotationCollection } from './w3c';

type Format = ParsedInput<'cases:export'>['format'];

interface Writer {
  extension: string;
  mimeType: string;
  write(data: CaseData, meta: ExportMeta): string;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

const WRITERS: Record<Format, Writer> = {
  json: {
    extension: 'claimdesk.json',
    mimeType: 'application/json',
    write: (data, meta) => json(toCaseFile(data, meta)),
  },
  csv: {
    extension: 'csv',
    // RFC 7111 registers text/csv; the header line is present (RFC 4180 §3).
    mimeType: 'text/csv;charset=utf-8;header=present',
    write: (data) => claimsCsv(data),
  },
  w3c: {
    extension: 'jsonld',
    // The media type the Web Annotation Protocol gives annotation documents.
    mimeType: 'application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"',
    write: (data) => json(annotationCollection(data)),
  },
  stix: {
    extension: 'stix.json',
    // The STIX 2.1 media type (as TAXII 2.1 serves it).
    mimeType: 'application/stix+json;version=2.1',
    write: (data, meta) => json(stixBundle(data, meta)),
  },
};

export async function exportCase(
  store: Store,
  caseId: string,
  format: Format,
  meta: ExportMeta,
): Promise<ExportedFile> {
  const data = await loadCase(store, caseId);
  const writer = WRITERS[format];
  return {
    fileName: exportFileName(data.case.title, writer.extension),
    mimeType: writer.mimeType,
    dataBase64: Buffer.from(writer.write(data, meta), 'utf8').toString('base64'),
  };
}
