/**
 * `cases:export`: one case in one of four formats, written to a file a record at a time by
 * a job (../jobs), for the shell to save (desktop) or download (browser).
 */
import type { ParsedInput } from '../../../shared/contract/channels';
import { exportFileName } from '../../../shared/fileNames';
import type { HandlerContext } from '../handlers/context';
import { requireCase } from '../handlers/require';
import { loadCase, type CaseData } from './caseData';
import { writeCaseFile, type ExportMeta } from './caseFile';
import { writeClaimsCsv } from './csv';
import { writeStixBundle } from './stix';
import { FileWriter, Progress } from './streamWriter';
import { writeAnnotationCollection } from './w3c';

type Format = ParsedInput<'cases:export'>['format'];

interface Writer {
  label: string;
  extension: string;
  mimeType: string;
  needs: { texts: boolean; capturedBy: boolean };
  /** Records the progress bar counts (a claim, a document, a history entry...). */
  total(data: CaseData): number;
  write(data: CaseData, meta: ExportMeta, out: FileWriter, progress: Progress): Promise<void>;
}

const WRITERS: Record<Format, Writer> = {
  json: {
    label: 'a Claimdesk case file (JSON)',
    extension: 'claimdesk.json',
    mimeType: 'application/json',
    needs: { texts: true, capturedBy: false },
    total: (d) =>
      d.documents.length +
      d.claims.length +
      d.entities.length +
      d.links.length +
      d.judgments.length +
      d.briefings.length,
    write: writeCaseFile,
  },
  csv: {
    label: 'CSV',
    extension: 'csv',
    // RFC 7111 registers text/csv; the header line is present (RFC 4180 §3).
    mimeType: 'text/csv;charset=utf-8;header=present',
    needs: { texts: false, capturedBy: false },
    total: (d) => d.claims.length,
    write: (data, _meta, out, progress) => writeClaimsCsv(data, out, progress),
  },
  w3c: {
    label: 'W3C Web Annotation',
    extension: 'jsonld',
    // The media type the Web Annotation Protocol gives annotation documents.
    mimeType: 'application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"',
    needs: { texts: true, capturedBy: true },
    total: (d) => d.claims.length,
    write: (data, _meta, out, progress) => writeAnnotationCollection(data, out, progress),
  },
  stix: {
    label: 'STIX 2.1',
    extension: 'stix.json',
    // The STIX 2.1 media type (as TAXII 2.1 serves it).
    mimeType: 'application/stix+json;version=2.1',
    needs: { texts: false, capturedBy: true },
    total: (d) => 2 + d.entities.length + d.claims.length + d.judgments.length + d.links.length,
    write: writeStixBundle,
  },
};

/** Starts the export job; the job's file is the export. */
export function startExport(ctx: HandlerContext, caseId: string, format: Format): string {
  const kase = requireCase(ctx.store, caseId);
  const writer = WRITERS[format];
  const meta: ExportMeta = { now: ctx.now(), version: ctx.version, user: ctx.user };
  return ctx.jobs.start(
    'export',
    `Exporting “${kase.title}” as ${writer.label}`,
    async (control) => {
      const data = await loadCase(ctx, caseId, writer.needs);
      control.check();
      const out = new FileWriter(control.filePath);
      const progress = new Progress(control, writer.total(data));
      try {
        await writer.write(data, meta, out, progress);
      } finally {
        await out.close();
      }
      control.progress(progress.total, progress.total);
      return {
        file: {
          fileName: exportFileName(data.case.title, writer.extension),
          mimeType: writer.mimeType,
          size: out.bytes,
        },
      };
    },
  );
}
