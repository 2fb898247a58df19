/** The document text with every claim drawn as a highlight, overlaps included. */
import { memo, useMemo } from 'react';
import { segmentText } from '../../../shared/anchoring/segments';
import type { Claim } from '../../../shared/domain/schemas';

interface Props {
  text: string;
  claims: readonly Claim[];
  selectedClaimId: string | null;
  onClaimClick: (claimId: string) => void;
}

function HighlightedTextInner({ text, claims, selectedClaimId, onClaimClick }: Props) {
  const segments = useMemo(
    () =>
      segmentText(
        text.length,
        claims.map((c) => ({ id: c.id, start: c.anchor.start, end: c.anchor.end })),
      ),
    [text.length, claims],
  );
  return (
    <>
      {segments.map((seg) => {
        const slice = text.slice(seg.start, seg.end);
        if (seg.ids.length === 0) return <span key={seg.start}>{slice}</span>;
        const active = selectedClaimId !== null && seg.ids.includes(selectedClaimId);
        const topmost = seg.ids[seg.ids.length - 1] ?? '';
        return (
          <mark
            key={seg.start}
            className={`highlight depth-${Math.min(seg.ids.length, 3)}${active ? ' active' : ''}`}
            data-claim-ids={seg.ids.join(' ')}
            onClick={() => onClaimClick(active && selectedClaimId ? selectedClaimId : topmost)}
          >
            {slice}
          </mark>
        );
      })}
    </>
  );
}

export const HighlightedText = memo(HighlightedTextInner);
