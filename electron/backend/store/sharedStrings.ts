/**
 * One copy of each string that many claims repeat. JSON.parse makes a new string for every
 * occurrence, so a store of 100,000 claims read from disk held 130,000 copies of its case id
 * (6 MB) and, with the document and speaker ids, kinds, statuses and tags, 27 MB of the 94 MB
 * of strings in memory were duplicates (a heap snapshot at open). The claims read at open
 * share them instead; a claim edited later brings its own strings, as any record does.
 */
import type { Claim } from '../../../shared/domain/schemas';

export class StringPool {
  private readonly strings = new Map<string, string>();

  share(value: string): string {
    const found = this.strings.get(value);
    if (found !== undefined) return found;
    this.strings.set(value, value);
    return value;
  }

  get size(): number {
    return this.strings.size;
  }
}

/**
 * Replaces, in a claim just parsed, the fields that repeat across claims by the pool's copy.
 * Only fields with few distinct values: the claim's own id, text and quote are its own, and
 * pooling them would keep a second reference to each for nothing. A field that is not what
 * the schema says is left as it is: this only saves memory, it checks nothing.
 */
export function shareClaimStrings(pool: StringPool, claim: Claim): void {
  const share = <T>(value: T): T => (typeof value === 'string' ? (pool.share(value) as T) : value);
  const shareAll = <T>(values: T[]): T[] => (Array.isArray(values) ? values.map(share) : values);
  claim.caseId = share(claim.caseId);
  claim.documentId = share(claim.documentId);
  claim.kind = share(claim.kind);
  claim.status = share(claim.status);
  claim.anchorState = share(claim.anchorState);
  claim.tags = shareAll(claim.tags);
  const a = claim.attribution as Claim['attribution'] | undefined;
  if (!a) return;
  a.speakerId = share(a.speakerId);
  a.via = shareAll(a.via);
  a.cue = share(a.cue);
  a.saidOn = share(a.saidOn);
  a.reportedOn = share(a.reportedOn);
}
