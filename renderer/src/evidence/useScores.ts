/** Confidence scores of the open case's claims, recomputed as grades and links change. */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { scoreClaim } from '../../../shared/scoring/confidence';
import { scoringCase, toScoredClaim } from '../../../shared/scoring/fromRecords';
import type { ConfidenceScore, ScoringCase } from '../../../shared/scoring/model';
import { useAppStore } from '../store';

export function useScoringCase(): ScoringCase {
  const records = useAppStore(
    useShallow((s) => ({
      claims: s.claims,
      entities: s.entities,
      documents: s.documents,
      links: s.links,
    })),
  );
  return useMemo(() => scoringCase(records), [records]);
}

export function useScores(): Map<string, ConfidenceScore> {
  const claims = useAppStore((s) => s.claims);
  const c = useScoringCase();
  return useMemo(
    () => new Map(claims.map((claim) => [claim.id, scoreClaim(toScoredClaim(claim), c)])),
    [claims, c],
  );
}
