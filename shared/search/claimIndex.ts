/**
 * The claim search index (issue 3: "search ... instantly, with a search index that stays
 * correct as claims change"). MiniSearch does the full-text part; `sync` keeps it in step
 * with the claims by id and `updatedAt`, so an edit re-indexes one claim, not the case.
 */
import MiniSearch from 'minisearch';
import type { Claim } from '../domain/schemas';

/** What a claim is found by besides its own fields: the names around it. */
export interface ClaimLookup {
  entityNames(id: string): string[];
  documentTitle(id: string): string;
  documentOutletId(id: string): string | null;
}

interface IndexedClaim {
  id: string;
  text: string;
  quote: string;
  people: string;
  tags: string;
  notes: string;
  document: string;
}

const FIELDS = ['text', 'quote', 'people', 'tags', 'notes', 'document'] as const;

export class ClaimIndex {
  private readonly search = new MiniSearch<IndexedClaim>({
    fields: [...FIELDS],
    storeFields: [],
    searchOptions: {
      prefix: true,
      fuzzy: (term) => (term.length > 4 ? 0.2 : false),
      combineWith: 'AND',
      boost: { text: 2, people: 2 },
    },
  });
  private readonly versions = new Map<string, string>();

  constructor(private readonly lookup: ClaimLookup) {}

  private document(claim: Claim): IndexedClaim {
    const a = claim.attribution;
    const outlet = this.lookup.documentOutletId(claim.documentId);
    const people = [a.speakerId, ...a.via, outlet]
      .filter((id): id is string => id !== null)
      .flatMap((id) => this.lookup.entityNames(id));
    return {
      id: claim.id,
      text: claim.text,
      quote: claim.anchor.exact,
      people: people.join(' '),
      tags: claim.tags.join(' '),
      notes: claim.notes,
      document: this.lookup.documentTitle(claim.documentId),
    };
  }

  /**
   * Brings the index in line with `claims`: adds new ones, re-indexes changed ones (by
   * `updatedAt`), drops deleted ones. `force` re-indexes all (names around them changed).
   */
  sync(claims: readonly Claim[], force = false): void {
    const present = new Set<string>();
    for (const claim of claims) {
      present.add(claim.id);
      const seen = this.versions.get(claim.id);
      if (seen === claim.updatedAt && !force) continue;
      if (seen !== undefined) this.search.discard(claim.id);
      this.search.add(this.document(claim));
      this.versions.set(claim.id, claim.updatedAt);
    }
    for (const id of [...this.versions.keys()]) {
      if (present.has(id)) continue;
      this.search.discard(id);
      this.versions.delete(id);
    }
  }

  /** Ids of the claims matching `query`, best first. */
  query(query: string): string[] {
    return this.search.search(query).map((hit) => String(hit.id));
  }

  get size(): number {
    return this.versions.size;
  }
}
