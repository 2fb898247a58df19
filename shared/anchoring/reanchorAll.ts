/**
 * Re-anchoring every claim of a document against a new snapshot of its text. Claims whose
 * quote cannot be found are returned as orphans for the analyst to review.
 *
 * The claims are taken in the order of their old positions, and each is looked for first
 * where the one before it moved to (issue 9: "uses the old position as a hint and searches a
 * window before the whole text"): text inserted or deleted above a claim shifts it as it
 * shifted its neighbours, so most quotes are found at once, at the first place looked.
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
  const found = new Map<string, PlacedClaim<T>>();
  // How far the text moved at the last claim placed: where the next one is looked for first.
  let shift: number | null = null;
  const byPosition = [...claims].sort((a, b) => a.anchor.start - b.anchor.start);
  for (const claim of byPosition) {
    const hint = shift === null ? undefined : Math.max(0, claim.anchor.start + shift);
    // Not `{ ...options, hint }`: spreading in a loop of 1,000 claims cost more than finding
    // most of them.
    const located = locateAnchor(newText, claim.anchor, {
      previousTextLength: options.previousTextLength,
      hint,
    });
    if (located === null) continue;
    found.set(claim.id, { claim, anchor: located.anchor, quality: located.quality });
    shift = located.anchor.start - claim.anchor.start;
  }
  const placed: PlacedClaim<T>[] = [];
  const orphaned: T[] = [];
  for (const claim of claims) {
    const hit = found.get(claim.id);
    if (hit) placed.push(hit);
    else orphaned.push(claim);
  }
  return { placed, orphaned };
}
