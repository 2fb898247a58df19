/**
 * Claim scores, computed once and kept (issue 9: "scores, re-scored only for the claims an
 * edit can affect, through one shared cache"). Every view and export reads scores here.
 *
 * A claim's score reads its own chain and credibility, the claims of its "same claim" group,
 * and the chains of the claims linked to any of them by "supports" or "contradicts"
 * (shared/scoring). So when claim Y's chain changes, the scores that can change are those of
 * Y's group and of the groups of Y's linked claims; when a link changes, those of the groups
 * at both ends, before and after. Everything else keeps its cached score.
 */
import { scoreClaim } from '../../../shared/scoring/confidence';
import { toScoredClaim } from '../../../shared/scoring/fromRecords';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ClaimLink, ClaimScore, ScoringCase } from '../../../shared/scoring/model';
import type { Claim, ClaimDocument, Entity, EvidenceLink } from '../../../shared/domain/schemas';
import type { Store } from '../store/store';
import type { ClaimTable } from './claimTable';
import { PackedScores } from './packedScores';
import type { Relations } from './relations';

const summaryOf = (s: ClaimScore): ScoreSummary => ({
  value: s.value,
  reliability: s.reliability,
  credibility: s.credibility,
  corroborating: s.corroborating,
  contradicting: s.contradicting,
});

const chainChanged = (a: Claim, b: Claim): boolean =>
  a.documentId !== b.documentId ||
  a.credibility !== b.credibility ||
  a.status !== b.status ||
  a.attribution.speakerId !== b.attribution.speakerId ||
  a.attribution.via.join(' ') !== b.attribution.via.join(' ') ||
  JSON.stringify(a.attribution.reliabilityOverrides) !==
    JSON.stringify(b.attribution.reliabilityOverrides);

/**
 * What the cache keeps of a score: the figures, not the breakdown's sentences (those are
 * made again when a claim is shown: 100,000 breakdowns would hold 150 MB for nothing).
 */
export type ScoreSummary = Pick<
  ClaimScore,
  'value' | 'reliability' | 'credibility' | 'corroborating' | 'contradicting'
>;

/**
 * How long warming the cache runs before it lets the event loop turn. A search that comes
 * during a turn waits for it: 500 claims a turn took 11–20 ms at 100k, and the first key
 * typed after a pause missed its frame (issue 9).
 */
const WARM_TURN_MS = 3;
/** Claims scored between two looks at the clock. */
const WARM_CHECK_EVERY = 16;

export class ScoreCache {
  private readonly cache = new PackedScores();
  readonly scoring: ScoringCase;
  /** Scores dropped since the last `takeInvalidated`, for the change feed. */
  private invalidated = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly relations: Relations,
    private readonly table: ClaimTable,
  ) {
    this.scoring = {
      claim: (id) => {
        const claim = store.get('claims', id);
        return claim && toScoredClaim(claim);
      },
      entityReliability: (id) => store.get('entities', id)?.reliability ?? 'F',
      entityName: (id) => store.get('entities', id)?.name ?? 'Unknown',
      documentOutletId: (id) => store.get('documents', id)?.outletId ?? null,
      documentTitle: (id) => store.get('documents', id)?.title ?? 'Unknown document',
      linksOf: (id) => this.claimLinks(id),
    };
  }

  /** The claim's score with its breakdown, computed now; undefined for an unknown claim. */
  get(claimId: string): ClaimScore | undefined {
    const claim = this.store.get('claims', claimId);
    if (!claim) return undefined;
    const score = scoreClaim(toScoredClaim(claim), this.scoring);
    const n = this.table.ordinalOf(claimId);
    if (n !== undefined) this.cache.set(n, summaryOf(score));
    return score;
  }

  /** The claim's figures, from the cache or computed now; undefined for an unknown claim. */
  summary(claimId: string): ScoreSummary | undefined {
    const n = this.table.ordinalOf(claimId);
    const kept = n === undefined ? undefined : this.cache.get(n);
    if (kept) return kept;
    const score = this.get(claimId);
    return score && summaryOf(score);
  }

  /**
   * Computes the figures of `claimIds` not in the cache yet, a few milliseconds per turn of
   * the event loop: after open, so that the first export or facet does not pay for them all.
   * `pause` is awaited before each turn (the backend waits for a quiet moment).
   */
  async warm(claimIds: Iterable<string>, pause?: () => Promise<void>): Promise<void> {
    let computed = 0;
    await pause?.();
    let turnStarted = performance.now();
    for (const id of claimIds) {
      const n = this.table.ordinalOf(id);
      if (n !== undefined && this.cache.has(n)) continue;
      this.summary(id);
      if (++computed % WARM_CHECK_EVERY === 0 && performance.now() - turnStarted >= WARM_TURN_MS) {
        await nextTurn();
        await pause?.();
        turnStarted = performance.now();
      }
    }
  }

  get size(): number {
    return this.cache.size;
  }

  /** Claim ids whose score may have changed since the last call. */
  takeInvalidated(): string[] {
    const ids = [...this.invalidated];
    this.invalidated = new Set();
    return ids;
  }

  private claimLinks(id: string): ClaimLink[] {
    const out: ClaimLink[] = [];
    for (const linkId of this.relations.linksByClaim.get(id) ?? []) {
      const link = this.store.get('links', linkId);
      if (link?.target.kind !== 'claim') continue;
      out.push({
        fromClaimId: link.fromClaimId,
        toClaimId: link.target.claimId,
        relation: link.relation,
      });
    }
    return out;
  }

  private group(claimId: string): Set<string> {
    const group = new Set([claimId]);
    const queue = [claimId];
    while (queue.length > 0) {
      const id = queue.pop() as string;
      for (const link of this.claimLinks(id)) {
        if (link.relation !== 'same_claim') continue;
        const other = link.fromClaimId === id ? link.toClaimId : link.fromClaimId;
        if (!group.has(other)) {
          group.add(other);
          queue.push(other);
        }
      }
    }
    return group;
  }

  /** Drops the scores that read claim `id`'s chain. */
  private dropDependents(id: string): void {
    for (const member of this.group(id)) this.drop(member);
    for (const link of this.claimLinks(id)) {
      if (link.relation !== 'supports' && link.relation !== 'contradicts') continue;
      const other = link.fromClaimId === id ? link.toClaimId : link.fromClaimId;
      for (const member of this.group(other)) this.drop(member);
    }
  }

  private drop(id: string): void {
    const n = this.table.ordinalOf(id);
    if (n !== undefined) this.cache.delete(n);
    this.invalidated.add(id);
  }

  /** Called before and after each change is indexed (both, so old and new structure count). */
  claimChanged(before: Claim | undefined, after: Claim | undefined): void {
    if (before && after && !chainChanged(before, after)) return;
    const id = (after ?? before)?.id;
    if (id) this.dropDependents(id);
  }

  linkChanged(link: EvidenceLink | undefined): void {
    if (link?.target.kind !== 'claim') return;
    this.dropDependents(link.fromClaimId);
    this.dropDependents(link.target.claimId);
  }

  entityChanged(before: Entity | undefined, after: Entity | undefined): void {
    if (!before || !after) return;
    if (before.reliability === after.reliability && before.name === after.name) return;
    const claims = this.table.claimsNaming(after.id);
    for (const documentId of this.relations.documentsByOutlet.get(after.id) ?? []) {
      for (const claimId of this.table.byDocument.get(documentId) ?? []) claims.add(claimId);
    }
    for (const claimId of claims) this.dropDependents(claimId);
  }

  documentChanged(before: ClaimDocument | undefined, after: ClaimDocument | undefined): void {
    if (!before || !after) return;
    if (before.outletId === after.outletId && before.title === after.title) return;
    for (const claimId of this.table.byDocument.get(after.id) ?? []) this.dropDependents(claimId);
  }
}
