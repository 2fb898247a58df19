/**
 * One copy of each string that many claims repeat. JSON.parse makes a new string for every
 * occurrence, so a store of 100,000 claims read from disk held 130,000 copies of its case id
 * (6 MB) and, with the document and speaker ids, kinds, statuses and tags, 27 MB of the 94 MB
 * of strings in memory were duplicates (a heap snapshot at open). The claims read at open
 * share them instead, and the empty lists and objects most claims have; a claim edited later
 * brings its own, as any record does.
 */
import type { Claim } from '../../../shared/domain/schemas';

/**
 * Most claims have no tags, no intermediaries and no reliability overrides: 100,000 claims
 * held 300,000 empty lists and objects (≈ 8 MB). They share one each, frozen, so that code
 * changing one in place (none does: edits replace records) would fail loudly instead of
 * changing every claim.
 */
const EMPTY_LIST: readonly never[] = Object.freeze([]);
const EMPTY_OBJECT: Readonly<Record<string, never>> = Object.freeze({});

const isEmptyObject = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.keys(value).length === 0;

export class StringPool {
  private readonly strings = new Map<string, string>();

  /** The pool's copy of a string; anything else (a field not as the schema says) as it is. */
  share<T>(value: T): T {
    if (typeof value !== 'string') return value;
    const found = this.strings.get(value);
    if (found !== undefined) return found as T;
    this.strings.set(value, value);
    return value;
  }

  /** A list with its strings shared; an empty list is one frozen list shared by all. */
  shareAll<T>(values: T[]): T[] {
    if (!Array.isArray(values)) return values;
    return values.length === 0
      ? (EMPTY_LIST as unknown as T[])
      : values.map((value) => this.share(value));
  }

  get size(): number {
    return this.strings.size;
  }
}

/**
 * A record never edited since it was made has `updatedAt` equal to `createdAt`: JSON.parse
 * makes two copies of the same timestamp (about 40 bytes). At 100,000 claims with their
 * links, 120,000 such copies held 4.7 MB of the web host's heap. The record keeps one.
 */
export function shareTimestamps(record: object): void {
  const r = record as { createdAt?: unknown; updatedAt?: unknown };
  if (typeof r.createdAt === 'string' && r.updatedAt === r.createdAt) r.updatedAt = r.createdAt;
}

/**
 * Replaces, in a claim just parsed, the fields that repeat across claims by the pool's copy.
 * Only fields with few distinct values: the claim's own id, text and quote are its own, and
 * pooling them would keep a second reference to each for nothing. A claim whose wording is
 * still its quote (as a highlight makes it) keeps one copy of the two. A field that is not
 * what the schema says is left as it is: this only saves memory, it checks nothing.
 */
export function shareClaimStrings(pool: StringPool, claim: Claim): void {
  const quote = (claim.anchor as Claim['anchor'] | undefined)?.exact;
  if (typeof quote === 'string' && claim.text === quote) claim.text = quote;
  claim.caseId = pool.share(claim.caseId);
  claim.documentId = pool.share(claim.documentId);
  claim.kind = pool.share(claim.kind);
  claim.status = pool.share(claim.status);
  claim.anchorState = pool.share(claim.anchorState);
  claim.tags = pool.shareAll(claim.tags);
  const a = claim.attribution as Claim['attribution'] | undefined;
  if (!a) return;
  a.speakerId = pool.share(a.speakerId);
  a.via = pool.shareAll(a.via);
  a.cue = pool.share(a.cue);
  a.saidOn = pool.share(a.saidOn);
  a.reportedOn = pool.share(a.reportedOn);
  if (isEmptyObject(a.reliabilityOverrides)) a.reliabilityOverrides = EMPTY_OBJECT;
}
