/**
 * Everything one case consists of, taken from the store once, for every export format.
 * Entities are shared by all cases; a case takes along only those its records name.
 *
 * The records are taken synchronously (through the indexes), so they are one consistent
 * state even though the export is then written over many turns of the event loop: records
 * are replaced, never changed in place, so later edits do not reach what was taken. Texts
 * are immutable (named by their hash). The history is read from its segments as the export
 * goes (historyLog.ts), and the scores come from the one shared cache.
 */
import type {
  Briefing,
  Case,
  Claim,
  ClaimDocument,
  Entity,
  EvidenceLink,
  HistoryEntry,
  Judgment,
} from '../../../shared/domain/schemas';
import type { HandlerContext } from '../handlers/context';
import {
  briefingsOfCase,
  claimsOfCase,
  documentsOfCase,
  judgmentsOfCase,
  linksOfCase,
} from '../handlers/lookups';
import { requireCase } from '../handlers/require';
import type { ScoreSummary } from '../indexes/scores';

export interface CaseData {
  case: Case;
  documents: ClaimDocument[];
  /** Each document's full text, by document id; null when its file is missing. */
  texts: Map<string, string | null>;
  claims: Claim[];
  entities: Entity[];
  links: EvidenceLink[];
  judgments: Judgment[];
  briefings: Briefing[];
  /** The links starting at each claim. */
  linksFrom: Map<string, EvidenceLink[]>;
  /** Who captured each claim (the first "created" entry of its history), when asked for. */
  capturedBy: Map<string, string>;
  /** The claim's score figures (the breakdown is for the screen). */
  score(claim: Claim): ScoreSummary;
  /** The history of the case's claims, a batch at a time. */
  history(): AsyncGenerator<HistoryEntry[]>;
}

/** Ids of the speakers, intermediaries, outlets and graded carriers the records name. */
export function referencedEntityIds(
  documents: readonly ClaimDocument[],
  claims: readonly Claim[],
): Set<string> {
  const ids = new Set<string>();
  for (const d of documents) if (d.outletId) ids.add(d.outletId);
  for (const c of claims) {
    const a = c.attribution;
    if (a.speakerId) ids.add(a.speakerId);
    a.via.forEach((id) => ids.add(id));
    Object.keys(a.reliabilityOverrides).forEach((id) => ids.add(id));
  }
  return ids;
}

export interface LoadOptions {
  /** Read every document's text (JSON export, W3C positions). */
  texts: boolean;
  /** Read the history for who captured each claim (W3C creator, STIX authors). */
  capturedBy: boolean;
}

export async function loadCase(
  ctx: HandlerContext,
  caseId: string,
  options: LoadOptions,
): Promise<CaseData> {
  const found = requireCase(ctx.store, caseId);
  const documents = documentsOfCase(ctx, caseId);
  const claims = claimsOfCase(ctx, caseId);
  const claimIds = new Set(claims.map((c) => c.id));
  const referenced = referencedEntityIds(documents, claims);
  const links = linksOfCase(ctx, caseId);
  const linksFrom = new Map<string, EvidenceLink[]>();
  for (const link of links) {
    const list = linksFrom.get(link.fromClaimId) ?? [];
    list.push(link);
    linksFrom.set(link.fromClaimId, list);
  }
  const scores = ctx.ix.scores;
  const history = ctx.store.history;
  const data: CaseData = {
    case: found,
    documents,
    texts: new Map(),
    claims,
    entities: [...referenced].flatMap((id) => {
      const entity = ctx.store.get('entities', id);
      return entity ? [entity] : [];
    }),
    links,
    judgments: judgmentsOfCase(ctx, caseId),
    briefings: briefingsOfCase(ctx, caseId),
    linksFrom,
    capturedBy: new Map(),
    score: (claim) => {
      const score = scores.summary(claim.id);
      if (!score) throw new Error(`no score for claim ${claim.id}`);
      return score;
    },
    history: () => history.entries((id) => claimIds.has(id)),
  };
  if (options.texts) {
    // A missing text does not stop the export: the file marks it (issue 10).
    const texts = await ctx.store.texts.getMany(documents.map((d) => d.contentHash));
    for (const d of documents) data.texts.set(d.id, texts.get(d.contentHash) ?? null);
  }
  if (options.capturedBy) {
    // The parts are read bucket by bucket, not in time order: the earliest entry wins.
    const earliest = new Map<string, string>();
    for await (const batch of data.history()) {
      for (const entry of batch) {
        if (entry.action !== 'created' || !entry.by) continue;
        const seen = earliest.get(entry.claimId);
        if (seen !== undefined && seen <= entry.at) continue;
        earliest.set(entry.claimId, entry.at);
        data.capturedBy.set(entry.claimId, entry.by);
      }
    }
  }
  return data;
}

/** The text of a document of the case; null when its file is missing. */
export function textOf(data: CaseData, documentId: string): string | null {
  const text = data.texts.get(documentId);
  if (text === undefined) throw new Error(`no text loaded for document ${documentId}`);
  return text;
}
