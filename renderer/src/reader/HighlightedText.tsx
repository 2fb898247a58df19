/**
 * The document text with every claim drawn as a highlight, overlaps included, and the
 * suggested claims (issue 13) as ghosts: outlined, not filled, so they never pass for claims.
 */
import { memo, useMemo } from 'react';
import { segmentText } from '../../../shared/anchoring/segments';
import type { Highlight } from '../../../shared/contract/channels';
import type { ClaimKind } from '../../../shared/domain/schemas';
import type { ColorBy } from '../store/filterSlice';

/** A suggestion as the reader draws it. */
export interface Ghost {
  key: string;
  start: number;
  end: number;
  kind: ClaimKind;
}

interface Props {
  text: string;
  claims: readonly Highlight[];
  selectedClaimId: string | null;
  colorBy: ColorBy;
  onClaimClick: (claimId: string) => void;
  ghosts: readonly Ghost[];
  /** The keys of the suggestions under the click (more than one where they overlap). */
  onGhostClick: (keys: string[]) => void;
}

/** Ghost ids in the segments: kept apart from claim ids by a prefix no id has. */
const GHOST = 'suggestion:';

function HighlightedTextInner({
  text,
  claims,
  selectedClaimId,
  colorBy,
  onClaimClick,
  ghosts,
  onGhostClick,
}: Props) {
  const byId = useMemo(() => new Map(claims.map((c) => [c.id, c])), [claims]);
  const ghostByKey = useMemo(() => new Map(ghosts.map((g) => [g.key, g])), [ghosts]);
  const segments = useMemo(
    () =>
      segmentText(text.length, [
        ...claims.map((c) => ({ id: c.id, start: c.start, end: c.end })),
        ...ghosts.map((g) => ({ id: `${GHOST}${g.key}`, start: g.start, end: g.end })),
      ]),
    [text.length, claims, ghosts],
  );
  return (
    <>
      {segments.map((seg) => {
        const slice = text.slice(seg.start, seg.end);
        const claimIds = seg.ids.filter((id) => !id.startsWith(GHOST));
        if (claimIds.length === 0) {
          const keys = seg.ids.map((id) => id.slice(GHOST.length));
          if (keys.length === 0) return <span key={seg.start}>{slice}</span>;
          // The selected one is painted apart (useActiveGhost), so selecting never redraws this.
          const ghost = ghostByKey.get(keys[0] ?? '');
          return (
            <span
              key={seg.start}
              className={`ghost kind-${ghost?.kind ?? 'unattributed'}`}
              data-suggestion-keys={keys.join(' ')}
              title="Suggested claim: click to review it"
              onClick={() => onGhostClick(keys)}
            >
              {slice}
            </span>
          );
        }
        // A claim drawn over a suggestion wins: the claim is the analyst's.
        const active = selectedClaimId !== null && claimIds.includes(selectedClaimId);
        // The innermost (latest listed) claim gives the colour; the selected one wins a click.
        const topmost = claimIds[claimIds.length - 1] ?? '';
        const claim = byId.get(active && selectedClaimId ? selectedClaimId : topmost);
        const colour = claim ? `${colorBy}-${colorBy === 'kind' ? claim.kind : claim.status}` : '';
        return (
          <mark
            key={seg.start}
            className={`highlight ${colour} depth-${Math.min(claimIds.length, 3)}${active ? ' active' : ''}`}
            data-claim-ids={claimIds.join(' ')}
            onClick={() => onClaimClick(claim?.id ?? topmost)}
          >
            {slice}
          </mark>
        );
      })}
    </>
  );
}

export const HighlightedText = memo(HighlightedTextInner);
