/**
 * Builds a briefing note from a case (issue 5): title and marking, BLUF, key judgments with
 * their ICD 203 likelihood and confidence stated apart, what each actor said, the chosen
 * claims in the analyst's order, a source table with Admiralty grades, and one numbered
 * footnote per claim citing quote, speaker and chain, document, the dates said, reported and
 * retrieved, and URL. Each judgment keeps its basis by direction (issue 11): the notes of
 * the claims for it and against it, and how many of either the note does not cite.
 */
import type { BriefingModel } from '../domain/briefingModel';
import { ENTITY_KIND_LABELS } from '../domain/labels';
import type {
  Briefing,
  Claim,
  ClaimDocument,
  Entity,
  EvidenceLink,
  Judgment,
} from '../domain/schemas';
import { admiraltyCode, likelihoodInfo, reliabilityInfo } from '../grading/scales';
import { chainOf, scoreClaim } from '../scoring/confidence';
import { scoringCase, toScoredClaim } from '../scoring/fromRecords';
import type { ConfidenceScore, ScoringCase } from '../scoring/model';

export interface BriefingRecords {
  claims: readonly Claim[];
  entities: readonly Entity[];
  documents: readonly ClaimDocument[];
  links: readonly EvidenceLink[];
  judgments: readonly Judgment[];
  /**
   * Lookups over the whole store and its scores (the backend's indexes): then `claims` need
   * only be the note's, and `links` may be empty.
   */
  scoring?: ScoringCase;
  score?: (claim: Claim) => ConfidenceScore;
}

type NoteFields = Pick<
  Briefing,
  'title' | 'marking' | 'author' | 'date' | 'bluf' | 'judgmentIds' | 'claimIds'
>;

export function buildBriefing(note: NoteFields, records: BriefingRecords): BriefingModel {
  const entities = new Map(records.entities.map((e) => [e.id, e]));
  const documents = new Map(records.documents.map((d) => [d.id, d]));
  const claimsById = new Map(records.claims.map((c) => [c.id, c]));
  const scoring = records.scoring ?? scoringCase(records);
  const scoreOf = records.score ?? ((claim: Claim) => scoreClaim(toScoredClaim(claim), scoring));
  const name = (id: string | null) => (id ? (entities.get(id)?.name ?? 'Unknown') : '');

  const chosen = note.claimIds
    .map((id) => claimsById.get(id))
    .filter((c): c is Claim => c !== undefined);
  const noteOf = new Map(chosen.map((c, i) => [c.id, i + 1]));

  const notes = chosen.map((claim, i) => {
    const doc = documents.get(claim.documentId);
    const a = claim.attribution;
    const outlet = doc?.outlet || name(doc?.outletId ?? null);
    const reported = a.reportedOn || doc?.publishedAt || '';
    return {
      n: i + 1,
      quote: claim.anchor.exact,
      speaker: a.speakerId ? name(a.speakerId) : 'Unattributed',
      outlet: [...a.via.map(name), outlet].filter(Boolean).join(', '),
      document: doc?.title ?? '',
      date: a.saidOn || reported,
      url: doc?.url ?? '',
      chain: [a.speakerId ? name(a.speakerId) : 'No named speaker', ...a.via.map(name), outlet]
        .filter(Boolean)
        .join(' → '),
      said: a.saidOn,
      reported,
      retrieved: doc?.retrievedAt ?? '',
    };
  });

  const claims = chosen.map((claim) => {
    const score = scoreOf(claim);
    const a = claim.attribution;
    const doc = documents.get(claim.documentId);
    const chain = [name(a.speakerId), ...a.via.map(name), doc?.outlet ?? ''].filter(Boolean);
    return {
      claimId: claim.id,
      text: claim.text,
      quote: claim.anchor.exact,
      attribution: chain.length > 0 ? chain.join(' → ') : 'Unattributed',
      grade: admiraltyCode(score.reliability, score.credibility),
      score: score.value,
      note: noteOf.get(claim.id) ?? 0,
    };
  });

  // What each actor said: speakers of the chosen claims, in the order they first appear.
  const actorIds = [...new Set(chosen.map((c) => c.attribution.speakerId))].filter(
    (id): id is string => id !== null,
  );
  const actors = actorIds.map((id) => {
    const entity = entities.get(id);
    const grade = entity?.reliability ?? 'F';
    return {
      name: entity?.name ?? 'Unknown',
      description: [entity?.role, entity?.affiliation].filter(Boolean).join(', '),
      reliability: `${grade} — ${reliabilityInfo(grade).label}`,
      points: chosen
        .filter((c) => c.attribution.speakerId === id)
        .map((c) => ({ text: c.text, note: noteOf.get(c.id) ?? 0 })),
    };
  });

  // Every carrier of a chosen claim, with its default grade.
  const sourceIds = [
    ...new Set(chosen.flatMap((c) => chainOf(toScoredClaim(c), scoring).map((l) => l.id))),
  ];
  const sources = sourceIds
    .map((id) => entities.get(id))
    .filter((e): e is Entity => e !== undefined)
    .map((e) => ({
      name: e.name,
      kind: ENTITY_KIND_LABELS[e.kind],
      grade: e.reliability,
      label: reliabilityInfo(e.reliability).label,
    }));

  const judgmentsById = new Map(records.judgments.map((j) => [j.id, j]));
  const judgments = note.judgmentIds
    .map((id) => judgmentsById.get(id))
    .filter((j): j is Judgment => j !== undefined)
    .map((j) => {
      const band = likelihoodInfo(j.likelihood);
      const cited = (relation: 'supports' | 'contradicts') =>
        j.basis
          .filter((b) => b.relation === relation)
          .map((b) => noteOf.get(b.claimId))
          .filter((n): n is number => n !== undefined)
          .sort((a, b) => a - b);
      const uncited = (relation: 'supports' | 'contradicts') =>
        j.basis.filter((b) => b.relation === relation && !noteOf.has(b.claimId)).length;
      const notesFor = cited('supports');
      const notesAgainst = cited('contradicts');
      return {
        statement: j.statement,
        likelihood: band.term,
        range: `${band.min}–${band.max}%`,
        confidence: j.confidence,
        notes: [...new Set([...notesFor, ...notesAgainst])].sort((a, b) => a - b),
        notesFor,
        notesAgainst,
        uncitedFor: uncited('supports'),
        uncitedAgainst: uncited('contradicts'),
      };
    });

  return {
    title: note.title,
    marking: note.marking,
    author: note.author,
    date: note.date,
    bluf: note.bluf,
    judgments,
    actors,
    claims,
    sources,
    notes,
  };
}
