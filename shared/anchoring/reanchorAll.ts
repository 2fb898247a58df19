/**
 * Re-anchoring every claim of a document against a new snapshot of its text. Claims whose
 * quote cannot be found are returned as orphans for the analyst to review.
 */
import type { Anchor } from '../domain/schemas';
import { type LocateOptions, type LocateQuality, locateAnchor } from './reanchor';

export interface PlacedClaim<T> {
  claim: T;
  anchor: Anchor;
  quality: LocateQuality;
}

export interface ReanchorOutcome<T> {
  /** Claims found in the new text, in input order, with their new anchors. */
  placed: PlacedClaim<T>[];
  /** Claims whose quote was not found well enough, in input order. */
  orphaned: T[];
}

export function reanchorClaims<T extends { id: string; anchor: Anchor }>(
  claims: readonly T[],
  newText: string,
  options: LocateOptions = {},
): ReanchorOutcome<T> {
  const placed: PlacedClaim<T>[] = [];
  const orphaned: T[] = [];
  for (const claim of claims) {
    const located = locateAnchor(newText, claim.anchor, options);
    if (located === null) orphaned.push(claim);
    else placed.push({ claim, anchor: located.anchor, quality: located.quality });
  }
  return { placed, orphaned };
}
