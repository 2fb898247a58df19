/** Which claims of a saved note changed since (the note shows them marked). */
import type { Briefing, Claim } from '../domain/schemas';

/** Claims of the note changed since it was saved (their `updatedAt` moved on). */
export function editedSince(
  note: Pick<Briefing, 'claimIds' | 'claimVersions'>,
  claims: readonly Claim[],
): Set<string> {
  const byId = new Map(claims.map((c) => [c.id, c]));
  return new Set(
    note.claimIds.filter((id) => {
      const claim = byId.get(id);
      return !claim || note.claimVersions[id] !== claim.updatedAt;
    }),
  );
}
