/**
 * A long claim list, virtual: only the cards in view (and a few either side) are in the page,
 * so a case of thousands of claims scrolls and filters as fast as a short one. Cards are
 * measured as they render, since their height follows their text. The selected card is always
 * kept in the page, so an edit open in it survives scrolling away and back.
 */
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { Claim } from '../../../shared/domain/schemas';
import type { VirtualRow } from './ClaimCard';

/** A card's height before it is measured: two lines of wording, a quote, a byline and badges. */
const ESTIMATED_CARD_HEIGHT = 140;
/** The gap between cards (as .claim-list's gap in styles.css). */
const GAP = 8;

interface Props {
  claims: readonly Claim[];
  selectedClaimId: string | null;
  /** The element that scrolls: the claims pane, with the header and filters above the list. */
  scrollRef: RefObject<HTMLElement | null>;
  card: (claim: Claim, row: VirtualRow) => React.ReactNode;
}

export function VirtualClaimRows({ claims, selectedClaimId, scrollRef, card }: Props) {
  const listRef = useRef<HTMLOListElement>(null);
  // How far the list starts below the top of the scrolling pane (header and filter bar).
  const [listOffset, setListOffset] = useState(0);
  useLayoutEffect(() => {
    const list = listRef.current;
    const pane = scrollRef.current;
    if (!list || !pane) return;
    const measure = () =>
      setListOffset(
        list.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop,
      );
    measure();
    const observer = new ResizeObserver(measure);
    for (const child of Array.from(pane.children)) if (child !== list) observer.observe(child);
    return () => observer.disconnect();
  }, [scrollRef]);

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
    scrollMargin: listOffset,
    rangeExtractor,
  });

  // A highlight clicked in the reader brings its card into view, even from far down the list;
  // so does a long list coming back (a search cleared) with a claim selected. Once the list's
  // place in the pane is known, since every offset depends on it.
  useEffect(() => {
    if (selectedIndex < 0) return;
    const frame = requestAnimationFrame(() =>
      virtualizer.scrollToIndex(selectedIndex, { align: 'auto' }),
    );
    return () => cancelAnimationFrame(frame);
    // Only when the selection changes (or the list is placed), not when the list around it does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedClaimId, listOffset]);

  return (
    <ol className="claim-list virtual" ref={listRef} style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((item) => {
        const claim = claims[item.index];
        if (!claim) return null;
        return card(claim, {
          measure: virtualizer.measureElement,
          index: item.index,
          top: item.start - listOffset,
          setSize: claims.length,
        });
      })}
    </ol>
  );
}
