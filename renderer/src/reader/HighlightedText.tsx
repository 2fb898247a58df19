/** The document text with every claim drawn as a highlight, overlaps included. */
import { memo, useMemo } from 'react';
import { segmentText } from '../../../shared/anchoring/segments';
import type { Highlight } from '../../../shared/contract/channels';
import type { ColorBy } from '../store/filterSlice';

interface Props {
  text: string;
  claims: readonly Highlight[];
  selectedClaimId: string | null;
  colorBy: ColorBy;
  onClaimClick: (claimId: string) => void;
}

function HighlightedTextInner({ text, claims, selectedClaimId, colorBy, onClaimClick }: Props) {
  const byId = useMemo(() => new Map(claims.map((c) => [c.id, c])), [claims]);
  const segments = useMemo(
    () =>
      segmentText(
        text.length,
        claims.map((c) => ({ id: c.id, start: c.start, end: c.end })),
      ),
    [text.length, claims],
  );
  return (
    <>
      {segments.map((seg) => {
        const slice = text.slice(seg.start, seg.end);
        if (seg.ids.length === 0) return <span key={seg.start}>{slice}</span>;
        const active = selectedClaimId !== null && seg.ids.includes(selectedClaimId);
        // The innermost (latest listed) claim gives the colour; the selected one wins a click.
        const topmost = seg.ids[seg.ids.length - 1] ?? '';
        const claim = byId.get(active && selectedClaimId ? selectedClaimId : topmost);
        const colour = claim ? `${colorBy}-${colorBy === 'kind' ? claim.kind : claim.status}` : '';
        return (
          <mark
            key={seg.start}
            className={`highlight ${colour} depth-${Math.min(seg.ids.length, 3)}${active ? ' active' : ''}`}
            data-claim-ids={seg.ids.join(' ')}
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
