/**
 * The claims of a case as CSV, one row per claim, for spreadsheets. Written to RFC 4180
 * (CRLF line ends, fields with a comma, quote or line break quoted, quotes doubled), UTF-8
 * with a byte order mark so that Excel reads Cyrillic names as such, and with formula
 * injection neutralised: claims quote the outside world, and a cell beginning with = + - @
 * TAB or CR would be run as a formula by a spreadsheet (OWASP, "CSV Injection"); such a cell
 * gets a leading apostrophe, which spreadsheets show as text.
 */
import {
  CLAIM_KIND_LABELS,
  CLAIM_SCORE_LABEL,
  CLAIM_STATUS_LABELS,
} from '../../../shared/domain/labels';
import { admiraltyCode } from '../../../shared/grading/scales';
import type { Claim } from '../../../shared/domain/schemas';
import type { CaseData } from './caseData';
import type { FileWriter, Progress } from './streamWriter';

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: neutralised if it could run as a formula, then quoted if it must be. */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (cells: readonly (string | number)[]): string => cells.map(csvCell).join(',');

/** A whole CSV file: BOM, header, rows, each line ended by CRLF. */
export function csvFile(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): string {
  return `\uFEFF${[header, ...rows].map((r) => `${csvRow(r)}\r\n`).join('')}`;
}

export const CLAIM_COLUMNS = [
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
  // Not "confidence": ICD 203 keeps that word for a judgment's analytic confidence.
  `${CLAIM_SCORE_LABEL} (0–100)`,
  'Corroborating sources',
  'Contradicting sources',
  'Tags',
  'Notes',
  'Document title',
  'Document URL',
  'Published',
] as const;

/** The claims as CSV, a row at a time: the same score, chain grade and source counts the claim panel shows. */
export async function writeClaimsCsv(
  data: CaseData,
  out: FileWriter,
  progress: Progress,
): Promise<void> {
  const documents = new Map(data.documents.map((d) => [d.id, d]));
  const entities = new Map(data.entities.map((e) => [e.id, e]));
  const name = (id: string | null) => (id === null ? '' : (entities.get(id)?.name ?? ''));
  const cells = (claim: Claim): (string | number)[] => {
    const a = claim.attribution;
    const document = documents.get(claim.documentId);
    const score = data.score(claim);
    return [
      claim.id,
      claim.text,
      claim.anchor.exact,
      CLAIM_KIND_LABELS[claim.kind],
      CLAIM_STATUS_LABELS[claim.status],
      name(a.speakerId),
      a.via.map(name).join(' → '),
      document ? document.outlet || name(document.outletId) : '',
      a.cue,
      a.saidOn,
      a.reportedOn,
      score.reliability,
      claim.credibility,
      admiraltyCode(score.reliability, claim.credibility),
      score.value ?? '',
      score.corroborating,
      score.contradicting,
      claim.tags.join('; '),
      claim.notes,
      document?.title ?? '',
      document?.url ?? '',
      document?.publishedAt ?? '',
    ];
  };
  await out.write(`\uFEFF${csvRow(CLAIM_COLUMNS)}\r\n`);
  for (const claim of data.claims) {
    await out.write(`${csvRow(cells(claim))}\r\n`);
    await progress.step();
  }
}
