/**
 * A long claim list, virtual: only the cards in view (and a few either side) are in the page,
 * so a case of thousands of claims scrolls and filters as fast as a short one. Cards are
 * measured as they render, since their height follows their text. The selected card is always
 * kept in the page, so an edit open in it survives scrolling away and back.
 */
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, type ReactNode, type RefObject } from 'react';
import type { Claim } from '../../../shared/domain/schemas';
import type { VirtualRow } from './ClaimCard';

/** A card's height before it is measured: two lines of wording, a quote, a byline and badges. */
const ESTIMATED_CARD_HEIGHT = 140;
/** The gap between cards, and above the first (as .claim-list's gap and padding in styles.css). */
const GAP = 8;

interface Props {
  claims: readonly Claim[];
  selectedClaimId: string | null;
  /** The element that scrolls, with this list at its top. */
  scrollRef: RefObject<HTMLElement | null>;
  card: (claim: Claim, row: VirtualRow) => ReactNode;
}

export function VirtualClaimRows({ claims, selectedClaimId, scrollRef, card }: Props) {
  const selectedIndex = selectedClaimId ? claims.findIndex((c) => c.id === selectedClaimId) : -1;
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (selectedIndex < 0 || indexes.includes(selectedIndex)) return indexes;
      return [...indexes, selectedIndex].sort((a, b) => a - b);
    },
    [selectedIndex],
  );

  // We do not build with the React Compiler, so nothing memoizes this component behind our back.
  // eslint-disable-next-line react-hooks/incompatible-library -- see above
  const virtualizer = useVirtualizer({
    count: claims.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_CARD_HEIGHT,
    getItemKey: (index) => claims[index]?.id ?? index,
    overscan: 6,
    gap: GAP,
    paddingStart: GAP,
    rangeExtractor,
  });

  // A highlight clicked in the reader brings its card into view, even from far down the list;
  // so does a long list coming back (a search cleared) with a claim selected. A frame later,
  // once the scrolling element has its size.
  useEffect(() => {
    if (selectedIndex < 0) return;
    const frame = requestAnimationFrame(() =>
      virtualizer.scrollToIndex(selectedIndex, { align: 'auto' }),
    );
    return () => cancelAnimationFrame(frame);
    // Only when the selection changes, not when the list around it does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedClaimId]);

  return (
    <ol className="claim-list virtual" style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((item) => {
        const claim = claims[item.index];
        if (!claim) return null;
        return card(claim, {
          measure: virtualizer.measureElement,
          index: item.index,
          top: item.start,
          setSize: claims.length,
        });
      })}
    </ol>
  );
}
