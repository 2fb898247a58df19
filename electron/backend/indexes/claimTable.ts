/**
 * The claims, indexed for the views (issue 9: "the backend owns the data and keeps what each
 * view needs up to date per edit"). Each claim gets an ordinal the first time it is seen, in
 * capture order, and every per-case structure is a bit set over ordinals: which claims are
 * alive, of which kind and status, which match a search. A list window is then a few word
 * operations and a skip, at any size; facet counts are kept as counters per edit.
 */
import { termSet } from '../../../shared/search/terms';
import type { Claim, ClaimKind, ClaimStatus } from '../../../shared/domain/schemas';
import { BitSet } from './bitset';
import { Postings } from './postings';
import { TermIndex } from './termIndex';

export class Counter {
  readonly counts = new Map<string, number>();

  add(key: string, delta: number): void {
    const next = (this.counts.get(key) ?? 0) + delta;
    if (next <= 0) this.counts.delete(key);
    else this.counts.set(key, next);
  }
}

/** Everything kept per case. */
export class CaseClaims {
  readonly alive = new BitSet();
  count = 0;
  readonly kinds = new Map<ClaimKind, BitSet>();
  readonly statuses = new Map<ClaimStatus, BitSet>();
  readonly orphaned = new BitSet();
  readonly speakers = new Counter();
  /** Intermediaries (a claim's `via`), by entity. */
  readonly carriers = new Counter();
  readonly tags = new Counter();
  readonly documents = new Counter();
}

const EMPTY = new Set<string>();

/** What a claim is found by in its own fields (issue 12: claim fields first, names apart). */
export const claimTerms = (c: Claim): Set<string> =>
  termSet(c.text, c.anchor.exact, c.tags.join(' '), c.notes);

const sameTerms = (a: Claim, b: Claim) =>
  a.text === b.text &&
  a.anchor.exact === b.anchor.exact &&
  a.notes === b.notes &&
  a.tags.join('\u0000') === b.tags.join('\u0000');

const sameNames = (a: Claim, b: Claim) =>
  a.documentId === b.documentId &&
  a.attribution.speakerId === b.attribution.speakerId &&
  a.attribution.via.join(' ') === b.attribution.via.join(' ');

/** The entry of `key`, made and put in the map the first time it is asked for. */
function entryOf<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

const newSet = () => new Set<string>();
const newPostings = () => new Postings();
const newBitSet = () => new BitSet();

function addTo<K>(map: Map<K, Set<string>>, key: K, id: string): void {
  entryOf(map, key, newSet).add(id);
}

function removeFrom<K>(map: Map<K, Set<string>>, key: K, id: string): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(id);
  if (set.size === 0) map.delete(key);
}

export class ClaimTable {
  private readonly ordinals = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly cases = new Map<string, CaseClaims>();
  readonly byDocument = new Map<string, Set<string>>();
  /** Entities graded on a claim only (a reliability override), for merges. */
  readonly byOverride = new Map<string, Set<string>>();
  readonly byTag = new Map<string, Set<string>>();
  /** The claim fields' terms, over ordinals. */
  readonly terms = new TermIndex();
  /**
   * The same relations as sorted ordinals, for searches by a name and the speaker and outlet
   * filters: a union of a few lists, never a lookup per claim id. `outletOrdinals` holds the
   * claims whose document that outlet published. Lists, not bit sets: there are thousands of
   * entities, most named by a few dozen claims (postings.ts).
   */
  readonly speakerOrdinals = new Map<string, Postings>();
  readonly carrierOrdinals = new Map<string, Postings>();
  readonly outletOrdinals = new Map<string, Postings>();
  /** A document's outlet, kept by the aggregator (indexes.ts) from the documents it sees. */
  private readonly documentOutlets = new Map<string, string>();
  /**
   * The names (and aliases) of whoever said or carried each claim, over ordinals: a search
   * for "galeotti" finds his claims by one posting list, as their own words are found.
   */
  readonly nameTerms = new TermIndex();
  /** An entity's name and aliases, and a claim by id (set by the aggregator, indexes.ts). */
  namesOf: (entityId: string) => readonly string[] = () => [];
  claimOf: (claimId: string) => Claim | undefined = () => undefined;

  /** A claim's ordinal; a new claim gets the next one (a claim deleted and put back keeps its own). */
  ordinal(id: string): number {
    let n = this.ordinals.get(id);
    if (n === undefined) {
      n = this.ids.length;
      this.ids.push(id);
      this.ordinals.set(id, n);
    }
    return n;
  }

  ordinalOf(id: string): number | undefined {
    return this.ordinals.get(id);
  }

  idAt(ordinal: number): string | undefined {
    return this.ids[ordinal];
  }

  caseOf(caseId: string): CaseClaims {
    let found = this.cases.get(caseId);
    if (!found) {
      found = new CaseClaims();
      this.cases.set(caseId, found);
    }
    return found;
  }

  hasCase(caseId: string): boolean {
    return this.cases.has(caseId);
  }

  /** Ordinals of a set of claim ids, as a bit set. */
  bits(ids: Iterable<string>): BitSet {
    const set = new BitSet(this.ids.length);
    for (const id of ids) {
      const n = this.ordinals.get(id);
      if (n !== undefined) set.add(n);
    }
    return set;
  }

  apply(before: Claim | undefined, after: Claim | undefined): void {
    const id = (after ?? before)?.id;
    if (id === undefined) return;
    const n = this.ordinal(id);
    if (before) this.unindex(n, before);
    if (after) this.index(n, after);
    if (!before || !after || !sameNames(before, after)) {
      this.nameTerms.update(
        n,
        before ? this.nameTermsOf(before) : EMPTY,
        after ? this.nameTermsOf(after) : EMPTY,
      );
    }
    if (before && after && sameTerms(before, after)) return;
    this.terms.update(n, before ? claimTerms(before) : EMPTY, after ? claimTerms(after) : EMPTY);
  }

  /** The terms of the names of a claim's speaker, intermediaries and document outlet. */
  private nameTermsOf(
    c: Claim,
    namesOf = this.namesOf,
    outletOf = this.documentOutlets,
  ): Set<string> {
    const ids = [c.attribution.speakerId, ...c.attribution.via, outletOf.get(c.documentId)];
    return termSet(...ids.flatMap((id) => (id ? namesOf(id) : [])));
  }

  /** An entity's names changed: the claims naming it are found by the new ones. */
  entityNamesChanged(entityId: string, before: readonly string[]): void {
    const ordinals = this.carriedBy(entityId);
    this.speakerOrdinals.get(entityId)?.addTo(ordinals);
    const old = (id: string) => (id === entityId ? before : this.namesOf(id));
    for (const n of ordinals) {
      const claim = this.claimOf(this.ids[n] ?? '');
      if (claim) this.nameTerms.update(n, this.nameTermsOf(claim, old), this.nameTermsOf(claim));
    }
  }

  /**
   * A document was added, changed or removed: its claims follow its outlet. Documents load
   * before their claims, so a claim finds its document's outlet when it is indexed.
   */
  documentOutlet(documentId: string, outletId: string | null): void {
    const before = this.documentOutlets.get(documentId) ?? null;
    if (before === outletId) return;
    const old = new Map(before ? [[documentId, before]] : []);
    if (outletId) this.documentOutlets.set(documentId, outletId);
    else this.documentOutlets.delete(documentId);
    for (const id of this.byDocument.get(documentId) ?? []) {
      const n = this.ordinals.get(id);
      if (n === undefined) continue;
      if (before) this.outletOrdinals.get(before)?.delete(n);
      if (outletId) entryOf(this.outletOrdinals, outletId, newPostings).add(n);
      const claim = this.claimOf(id);
      if (claim) {
        this.nameTerms.update(
          n,
          this.nameTermsOf(claim, this.namesOf, old),
          this.nameTermsOf(claim),
        );
      }
    }
  }

  /** Claims carried by an outlet: as an intermediary, or as the outlet of their document. */
  carriedBy(entityId: string): BitSet {
    const out = new BitSet(this.ids.length);
    this.carrierOrdinals.get(entityId)?.addTo(out);
    this.outletOrdinals.get(entityId)?.addTo(out);
    return out;
  }

  /** Claims an entity said (as their speaker). */
  spokenBy(entityId: string): BitSet {
    return this.speakerOrdinals.get(entityId)?.toBitSet() ?? new BitSet();
  }

  private index(n: number, c: Claim): void {
    const k = this.caseOf(c.caseId);
    k.alive.add(n);
    k.count += 1;
    entryOf(k.kinds, c.kind, newBitSet).add(n);
    entryOf(k.statuses, c.status, newBitSet).add(n);
    if (c.anchorState === 'orphaned') k.orphaned.add(n);
    this.facets(k, c, 1);
    addTo(this.byDocument, c.documentId, c.id);
    if (c.attribution.speakerId)
      entryOf(this.speakerOrdinals, c.attribution.speakerId, newPostings).add(n);
    for (const via of c.attribution.via) entryOf(this.carrierOrdinals, via, newPostings).add(n);
    const outletId = this.documentOutlets.get(c.documentId);
    if (outletId) entryOf(this.outletOrdinals, outletId, newPostings).add(n);
    for (const graded of Object.keys(c.attribution.reliabilityOverrides)) {
      addTo(this.byOverride, graded, c.id);
    }
    for (const tag of c.tags) addTo(this.byTag, tag, c.id);
  }

  private unindex(n: number, c: Claim): void {
    const k = this.caseOf(c.caseId);
    k.alive.delete(n);
    k.count -= 1;
    k.kinds.get(c.kind)?.delete(n);
    k.statuses.get(c.status)?.delete(n);
    k.orphaned.delete(n);
    this.facets(k, c, -1);
    removeFrom(this.byDocument, c.documentId, c.id);
    if (c.attribution.speakerId) this.speakerOrdinals.get(c.attribution.speakerId)?.delete(n);
    for (const via of c.attribution.via) this.carrierOrdinals.get(via)?.delete(n);
    const outletId = this.documentOutlets.get(c.documentId);
    if (outletId) this.outletOrdinals.get(outletId)?.delete(n);
    for (const graded of Object.keys(c.attribution.reliabilityOverrides)) {
      removeFrom(this.byOverride, graded, c.id);
    }
    for (const tag of c.tags) removeFrom(this.byTag, tag, c.id);
  }

  private facets(k: CaseClaims, c: Claim, delta: number): void {
    if (c.attribution.speakerId) k.speakers.add(c.attribution.speakerId, delta);
    for (const via of new Set(c.attribution.via)) k.carriers.add(via, delta);
    for (const tag of new Set(c.tags)) k.tags.add(tag, delta);
    k.documents.add(c.documentId, delta);
  }

  /** The ids of the claims an entity said, in capture order. */
  saidBy(entityId: string): string[] {
    return this.idsOf(this.speakerOrdinals.get(entityId));
  }

  /** The ids of the claims an entity passed on as an intermediary, in capture order. */
  passedOnBy(entityId: string): string[] {
    return this.idsOf(this.carrierOrdinals.get(entityId));
  }

  private idsOf(postings: Postings | undefined): string[] {
    const ids: string[] = [];
    for (let i = 0; i < (postings?.length ?? 0); i++) {
      const id = this.ids[postings?.values[i] ?? -1];
      if (id !== undefined) ids.push(id);
    }
    return ids;
  }

  /** Every claim naming an entity: as speaker, intermediary or in a grade set on the claim. */
  claimsNaming(entityId: string): Set<string> {
    return new Set([
      ...this.saidBy(entityId),
      ...this.passedOnBy(entityId),
      ...(this.byOverride.get(entityId) ?? []),
    ]);
  }
}
