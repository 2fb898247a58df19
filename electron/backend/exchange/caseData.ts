/**
 * Everything one case consists of, read from the store once, for every export format.
 * Entities are shared by all cases; a case takes along only those its records name.
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
import { requireCase } from '../handlers/require';
import type { Store } from '../store/store';

export interface CaseData {
  case: Case;
  documents: ClaimDocument[];
  /** Each document's full text, by document id. */
  texts: Map<string, string>;
  claims: Claim[];
  entities: Entity[];
  links: EvidenceLink[];
  judgments: Judgment[];
  briefings: Briefing[];
  /** The history of the case's claims, oldest first. */
  history: HistoryEntry[];
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

export async function loadCase(store: Store, caseId: string): Promise<CaseData> {
  const found = requireCase(store, caseId);
  // All records are taken synchronously, so they are one consistent state; texts are
  // immutable (named by their hash), so reading them afterwards cannot mix two states.
  const inCase = <T extends { caseId: string }>(list: T[]) =>
    list.filter((r) => r.caseId === caseId);
  const documents = inCase(store.list('documents'));
  const claims = inCase(store.list('claims'));
  const claimIds = new Set(claims.map((c) => c.id));
  const referenced = referencedEntityIds(documents, claims);
  const data: CaseData = {
    case: found,
    documents,
    texts: new Map(),
    claims,
    entities: store.list('entities').filter((e) => referenced.has(e.id)),
    links: inCase(store.list('links')),
    judgments: inCase(store.list('judgments')).sort((a, b) => a.order - b.order),
    briefings: inCase(store.list('briefings')),
    history: store
      .list('history')
      .filter((h) => claimIds.has(h.claimId))
      .sort((a, b) => a.at.localeCompare(b.at)),
  };
  for (const d of documents) data.texts.set(d.id, await store.texts.get(d.contentHash));
  return data;
}

/** Who captured a claim: the analyst named by its first history entry, if it has one. */
export function capturedBy(data: CaseData, claimId: string): string | null {
  const entry = data.history.find((h) => h.claimId === claimId && h.action === 'created');
  return entry?.by || null;
}

/** The text of a document of the case (always loaded by `loadCase`). */
export function textOf(data: CaseData, documentId: string): string {
  const text = data.texts.get(documentId);
  if (text === undefined) throw new Error(`no text loaded for document ${documentId}`);
  return text;
}
