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
import { scoreClaim } from '../../../shared/scoring/confidence';
import { scoringCase, toScoredClaim } from '../../../shared/scoring/fromRecords';
import type { CaseData } from './caseData';

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

export function claimsCsv(data: CaseData): string {
  const entities = new Map(data.entities.map((e) => [e.id, e]));
  const documents = new Map(data.documents.map((d) => [d.id, d]));
  const name = (id: string | null) => (id === null ? '' : (entities.get(id)?.name ?? ''));
  const scoring = scoringCase(data);
  const rows = data.claims.map((claim) => {
    const a = claim.attribution;
    const document = documents.get(claim.documentId);
    // The same score, chain grade and independent-source counts the claim panel shows.
    const score = scoreClaim(toScoredClaim(claim), scoring);
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
  });
  return csvFile(CLAIM_COLUMNS, rows);
}
