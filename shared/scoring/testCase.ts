/** A small hand-made case for the scoring tests: the reference scenario's sources. */
import type { Credibility, Reliability } from '../grading/scales';
import type { ClaimLink, ScoredClaim, ScoringCase } from './model';

export interface TestEntity {
  name: string;
  reliability: Reliability;
}

export class TestCase implements ScoringCase {
  readonly claims = new Map<string, ScoredClaim>();
  readonly links: ClaimLink[] = [];
  constructor(
    readonly entities: Record<string, TestEntity>,
    readonly documents: Record<string, { title: string; outletId: string | null }>,
  ) {}

  add(
    id: string,
    fields: Partial<ScoredClaim> & { documentId: string; credibility: Credibility },
  ): ScoredClaim {
    const claim: ScoredClaim = {
      id,
      status: 'unverified',
      speakerId: null,
      via: [],
      reliabilityOverrides: {},
      ...fields,
    };
    this.claims.set(id, claim);
    return claim;
  }

  link(fromClaimId: string, relation: ClaimLink['relation'], toClaimId: string): void {
    this.links.push({ fromClaimId, toClaimId, relation });
  }

  claim(id: string) {
    return this.claims.get(id);
  }
  entityReliability(id: string): Reliability {
    return this.entities[id]?.reliability ?? 'F';
  }
  entityName(id: string): string {
    return this.entities[id]?.name ?? id;
  }
  documentOutletId(documentId: string): string | null {
    return this.documents[documentId]?.outletId ?? null;
  }
  documentTitle(documentId: string): string {
    return this.documents[documentId]?.title ?? documentId;
  }
  linksOf(claimId: string): readonly ClaimLink[] {
    return this.links.filter((l) => l.fromClaimId === claimId || l.toClaimId === claimId);
  }
}

/** The reference scenario's sources, graded as the sample case grades them. */
export function scenario(): TestCase {
  return new TestCase(
    {
      galeotti: { name: 'Mark Galeotti', reliability: 'B' },
      sitenko: { name: 'Alexandra Sitenko', reliability: 'C' },
      chepa: { name: 'Alexey Chepa', reliability: 'D' },
      rferl: { name: 'Radio Liberty', reliability: 'B' },
      lenta: { name: 'Lenta.ru', reliability: 'C' },
      wapo: { name: 'The Washington Post', reliability: 'B' },
      tracker: { name: 'Flight-tracking site', reliability: 'F' },
      digest: { name: 'Sample digest', reliability: 'F' },
      rusources: { name: 'Russian sources (unnamed)', reliability: 'F' },
    },
    {
      article: { title: 'The article', outletId: 'digest' },
      other: { title: 'Another report', outletId: 'wapo' },
    },
  );
}
