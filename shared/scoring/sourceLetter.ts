/**
 * A claim's source letter (Admiralty reliability, A–F) and who set it (issue 11).
 *
 * The chain is the claim's carriers, nearest the source first: the speaker, the
 * intermediaries, the document's outlet. Each carries its grade for this claim (the
 * attribution's override, else the entity's default).
 *
 * - The originator is the speaker, else the first carrier. Admiralty reliability rates the
 *   source of the information (STANAG 2511); F means "reliability cannot be judged", not a
 *   midpoint. So when the originator is F ("Russian sources", an anonymous official, an
 *   unnamed flight tracker) the chain is F: an outlet graded B that carried it can vouch for
 *   its own reporting, not for a source nobody can judge, and does not lend its B.
 * - Otherwise the chain is as reliable as its weakest judged link. A carrier after the
 *   originator graded F (an ungraded digest relaying a graded speaker) cannot be judged
 *   either way, so it neither lowers nor raises the letter; the breakdown names it.
 */
import { RELIABILITY_CODES, type Reliability } from '../grading/scales';
import type { ScoredClaim, ScoringCase, SourceLetter } from './model';

export interface ChainLink {
  id: string;
  grade: Reliability;
}

/** The carriers of a claim, nearest the speaker first, with the grade used for each. */
export function chainOf(claim: ScoredClaim, c: ScoringCase): ChainLink[] {
  const ids = [
    ...(claim.speakerId ? [claim.speakerId] : []),
    ...claim.via,
    c.documentOutletId(claim.documentId),
  ].filter((id, i, all): id is string => id !== null && all.indexOf(id) === i);
  return ids.map((id) => ({
    id,
    grade: claim.reliabilityOverrides[id] ?? c.entityReliability(id),
  }));
}

const worse = (a: Reliability, b: Reliability): Reliability =>
  RELIABILITY_CODES.indexOf(b) > RELIABILITY_CODES.indexOf(a) ? b : a;

/** The chain's letter, the rule that set it and the carriers that hold it. */
export function sourceLetter(claim: ScoredClaim, c: ScoringCase): SourceLetter {
  const chain = chainOf(claim, c);
  const [originator, ...rest] = chain;
  if (!originator) return { grade: 'F', rule: 'no_carrier', setBy: [], unjudged: [] };
  if (originator.grade === 'F') {
    return { grade: 'F', rule: 'originator_unjudged', setBy: [originator.id], unjudged: [] };
  }
  const judged = chain.filter((link) => link.grade !== 'F');
  const grade = judged.map((link) => link.grade).reduce(worse);
  return {
    grade,
    rule: 'weakest_link',
    setBy: judged.filter((link) => link.grade === grade).map((link) => link.id),
    unjudged: rest.filter((link) => link.grade === 'F').map((link) => link.id),
  };
}

/** The chain's source letter (see `sourceLetter`). */
export const chainReliability = (claim: ScoredClaim, c: ScoringCase): Reliability =>
  sourceLetter(claim, c).grade;

/**
 * Where a claim first comes from: the unit of independence. The same carrier as the
 * originator of `sourceLetter`; a claim with no carrier stands for its document.
 */
export function originOf(claim: ScoredClaim, c: ScoringCase): string {
  return (
    claim.speakerId ??
    claim.via[0] ??
    c.documentOutletId(claim.documentId) ??
    `document:${claim.documentId}`
  );
}

const names = (ids: readonly string[], c: ScoringCase) => ids.map((id) => c.entityName(id));

/** "A", "A and B", "A, B and C". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/**
 * The breakdown line that says which link set the letter ("Source letter set by …"),
 * with the value the letter reads as, when it has one.
 */
export function sourceLetterText(
  claim: ScoredClaim,
  letter: SourceLetter,
  c: ScoringCase,
  value: number | null,
): string {
  if (letter.rule === 'no_carrier') {
    return 'Source letter F: no speaker, intermediary or outlet is named, so the source cannot be judged.';
  }
  if (letter.rule === 'originator_unjudged') {
    const [originatorId] = letter.setBy;
    const carriers = chainOf(claim, c).filter((l) => l.id !== originatorId && l.grade !== 'F');
    const lent =
      carriers.length === 0
        ? ''
        : ` ${listOf(carriers.map((l) => `${c.entityName(l.id)} (${l.grade})`))} carried it but cannot vouch for it, so ${carriers.length === 1 ? 'does' : 'do'} not lend ${carriers.length === 1 ? 'its grade' : 'their grades'}.`;
    return `Source letter F, set by ${listOf(names(letter.setBy, c))}, the originator: its reliability cannot be judged (Admiralty F).${lent}`;
  }
  const left =
    letter.unjudged.length > 0
      ? ` Left out, cannot be judged: ${listOf(names(letter.unjudged, c))} (F).`
      : '';
  return `Source letter ${letter.grade}, set by ${listOf(names(letter.setBy, c))}: the weakest judged link of the chain → ${value ?? '–'}.${left}`;
}
