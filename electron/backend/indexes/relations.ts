/**
 * Who refers to whom, kept per edit (issue 9: "indexes by case, by document, by claim for
 * links, judgments and history"): a case's documents in order, a document's versions, a
 * claim's links and the judgments resting on it, an outlet's documents, names to entities.
 * Every lookup a handler makes goes through here instead of scanning a collection.
 */
import { normalizeName, namesOf } from '../../../shared/entities/names';
import { termSet } from '../../../shared/search/terms';
import type {
  Briefing,
  ClaimDocument,
  Entity,
  EvidenceLink,
  Judgment,
} from '../../../shared/domain/schemas';
import { TermIndex } from './termIndex';

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  set.add(value);
}

function removeFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}

const EMPTY = new Set<string>();

/** Numbers for records indexed by term (entities, documents): a TermIndex counts in numbers. */
class Numbering {
  private readonly numbers = new Map<string, number>();
  readonly ids: string[] = [];

  of(id: string): number {
    let n = this.numbers.get(id);
    if (n === undefined) {
      n = this.ids.length;
      this.ids.push(id);
      this.numbers.set(id, n);
    }
    return n;
  }
}

export class Relations {
  /** A case's documents, in the order they were added. */
  readonly documentsByCase = new Map<string, Set<string>>();
  readonly documentsByOutlet = new Map<string, Set<string>>();
  /** `<caseId> <contentHash>` → the documents with that text in that case. */
  readonly documentsByText = new Map<string, Set<string>>();
  /** A document → the documents that are its next version. */
  readonly nextVersions = new Map<string, Set<string>>();
  readonly linksByCase = new Map<string, Set<string>>();
  /** Both ends: the claim a link starts from and the claim it points at. */
  readonly linksByClaim = new Map<string, Set<string>>();
  readonly judgmentsByCase = new Map<string, Set<string>>();
  readonly judgmentsByClaim = new Map<string, Set<string>>();
  readonly briefingsByCase = new Map<string, Set<string>>();
  /** Normalised name or alias → entities. */
  readonly entitiesByName = new Map<string, Set<string>>();
  /** Entity names by term, for finding claims through the names around them. */
  readonly entityTerms = new TermIndex();
  readonly entityNumbers = new Numbering();
  readonly documentNumbers = new Numbering();
  /**
   * Document titles by term: a search says which titles match, apart from the claims. Built
   * at the first search or once the case has loaded, not while it opens: indexing 10,000
   * titles took about 100 ms of the time to the first claim list (issue 9).
   */
  private titles: TermIndex | null = null;
  /** Every document in the store, to build the title index from (set by Indexes.bind). */
  allDocuments: () => Iterable<ClaimDocument> = () => [];

  get titleTerms(): TermIndex {
    return (this.titles ??= this.indexTitles());
  }

  /** Builds the title index now if no search has yet (once the case has loaded). */
  settle(): void {
    this.titles ??= this.indexTitles();
  }

  private indexTitles(): TermIndex {
    const titles = new TermIndex();
    for (const d of this.allDocuments())
      titles.update(this.documentNumbers.of(d.id), EMPTY, termSet(d.title));
    return titles;
  }

  document(before: ClaimDocument | undefined, after: ClaimDocument | undefined): void {
    if (before) {
      removeFrom(this.documentsByCase, before.caseId, before.id);
      if (before.outletId) removeFrom(this.documentsByOutlet, before.outletId, before.id);
      removeFrom(this.documentsByText, `${before.caseId} ${before.contentHash}`, before.id);
      if (before.previousVersionId)
        removeFrom(this.nextVersions, before.previousVersionId, before.id);
    }
    if (after) {
      addTo(this.documentsByCase, after.caseId, after.id);
      if (after.outletId) addTo(this.documentsByOutlet, after.outletId, after.id);
      addTo(this.documentsByText, `${after.caseId} ${after.contentHash}`, after.id);
      if (after.previousVersionId) addTo(this.nextVersions, after.previousVersionId, after.id);
    }
    if (this.titles && before?.title !== after?.title) {
      const n = this.documentNumbers.of((after ?? before)?.id ?? '');
      this.titleTerms.update(
        n,
        before ? termSet(before.title) : EMPTY,
        after ? termSet(after.title) : EMPTY,
      );
    }
  }

  link(before: EvidenceLink | undefined, after: EvidenceLink | undefined): void {
    for (const [link, apply] of [
      [before, removeFrom],
      [after, addTo],
    ] as const) {
      if (!link) continue;
      apply(this.linksByCase, link.caseId, link.id);
      apply(this.linksByClaim, link.fromClaimId, link.id);
      if (link.target.kind === 'claim') apply(this.linksByClaim, link.target.claimId, link.id);
    }
  }

  judgment(before: Judgment | undefined, after: Judgment | undefined): void {
    for (const [judgment, apply] of [
      [before, removeFrom],
      [after, addTo],
    ] as const) {
      if (!judgment) continue;
      apply(this.judgmentsByCase, judgment.caseId, judgment.id);
      for (const b of judgment.basis) apply(this.judgmentsByClaim, b.claimId, judgment.id);
    }
  }

  briefing(before: Briefing | undefined, after: Briefing | undefined): void {
    if (before) removeFrom(this.briefingsByCase, before.caseId, before.id);
    if (after) addTo(this.briefingsByCase, after.caseId, after.id);
  }

  entity(before: Entity | undefined, after: Entity | undefined): void {
    if (before)
      for (const name of namesOf(before))
        removeFrom(this.entitiesByName, normalizeName(name), before.id);
    if (after)
      for (const name of namesOf(after)) addTo(this.entitiesByName, normalizeName(name), after.id);
    const n = this.entityNumbers.of((after ?? before)?.id ?? '');
    this.entityTerms.update(
      n,
      before ? termSet(...namesOf(before)) : EMPTY,
      after ? termSet(...namesOf(after)) : EMPTY,
    );
  }

  /** The entity one of whose names is `name` (normalised), other than `except`. */
  entityNamed(name: string, except?: string): string | undefined {
    const key = normalizeName(name);
    if (!key) return undefined;
    for (const id of this.entitiesByName.get(key) ?? []) if (id !== except) return id;
    return undefined;
  }
}
