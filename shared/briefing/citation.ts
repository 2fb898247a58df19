/**
 * What every briefing format prints for a footnote and for a judgment's basis (issue 11),
 * worded once so that the preview, DOCX, PDF, Markdown and HTML cannot drift apart. Each
 * format renders the parts with its own escaping and its own reference marks.
 */
import type { BriefingModel } from '../domain/briefingModel';

export type BriefingNote = BriefingModel['notes'][number];
export type BriefingJudgment = BriefingModel['judgments'][number];

export interface CitationPart {
  text: string;
  /** The document's title, set in italics. */
  italic?: boolean;
  /** The document's address, a link where the format has links. */
  url?: boolean;
}

/**
 * A footnote: the quote, who said it and the chain that carried it, the document, the dates
 * it was said, reported and retrieved, and the address. Notes saved before issue 11 have
 * no chain and one date, and print as they did.
 */
export function noteCitation(n: BriefingNote): CitationPart[] {
  const who = n.chain || [n.speaker, n.outlet].filter(Boolean).join(', ');
  const dates =
    n.said !== undefined || n.reported !== undefined || n.retrieved !== undefined
      ? [
          n.said ? `said ${n.said}` : '',
          n.reported ? `reported ${n.reported}` : '',
          n.retrieved ? `retrieved ${n.retrieved}` : '',
        ]
      : [n.date];
  const parts: CitationPart[] = [
    { text: `“${n.quote}”` },
    { text: who },
    { text: n.document, italic: true },
    ...dates.map((text) => ({ text })),
    { text: n.url, url: true },
  ];
  return parts.filter((p) => p.text !== '');
}

/** Joins citation parts as prose: "a, b, c." */
export const citationText = (parts: readonly CitationPart[]): string =>
  `${parts.map((p) => p.text).join(', ')}.`;

export interface JudgmentEvidence {
  /** Notes of claims that support the judgment, and of claims that cut against it. */
  for: number[];
  against: number[];
  /** A note saved before issue 11: its notes, direction unknown. */
  undirected: number[] | null;
  /** Claims of the basis the note does not cite. */
  uncitedFor: number;
  uncitedAgainst: number;
}

export function judgmentEvidence(j: BriefingJudgment): JudgmentEvidence {
  const legacy = j.notesFor === undefined && j.notesAgainst === undefined;
  return {
    for: j.notesFor ?? [],
    against: j.notesAgainst ?? [],
    undirected: legacy ? j.notes : null,
    uncitedFor: j.uncitedFor ?? 0,
    uncitedAgainst: j.uncitedAgainst ?? 0,
  };
}

/** One segment of the evidence line: text, or a reference to a note. */
export type EvidenceSegment = { text: string } | { note: number };

const refs = (notes: readonly number[]): EvidenceSegment[] =>
  notes.length === 0
    ? [{ text: 'none' }]
    : notes.flatMap((note, i) => [...(i > 0 ? [{ text: ', ' }] : []), { note }]);

const uncited = (n: number, direction: string, first: boolean) =>
  n === 0 ? '' : `${n} ${first ? (n === 1 ? 'claim ' : 'claims ') : ''}${direction}`;

/**
 * "Evidence for: 1, 3 · against: 6", with the claims of the basis the note leaves out
 * counted, so that evidence against is never silently dropped. A note saved before issue
 * 11 reads "Evidence: 1, 3, 6 (for and against not recorded)".
 */
export function evidenceSegments(j: BriefingJudgment): EvidenceSegment[] {
  const e = judgmentEvidence(j);
  if (e.undirected) {
    return e.undirected.length === 0
      ? []
      : [
          { text: 'Evidence: ' },
          ...refs(e.undirected),
          { text: ' (for and against not recorded: update the note).' },
        ];
  }
  const missing = [
    uncited(e.uncitedFor, 'for', true),
    uncited(e.uncitedAgainst, 'against', e.uncitedFor === 0),
  ].filter(Boolean);
  return [
    { text: 'Evidence for: ' },
    ...refs(e.for),
    { text: ' · against: ' },
    ...refs(e.against),
    {
      text:
        missing.length > 0
          ? ` (in the basis, not cited in this note: ${missing.join(', ')}).`
          : '.',
    },
  ];
}

/** The evidence line as plain text, notes as bare numbers. */
export const evidenceText = (j: BriefingJudgment): string =>
  evidenceSegments(j)
    .map((s) => ('note' in s ? String(s.note) : s.text))
    .join('');
