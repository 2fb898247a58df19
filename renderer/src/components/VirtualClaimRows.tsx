/**
 * The claim list, virtual: only the cards in view (and a few either side) are in the page,
 * and only their pages of rows are asked of the backend, so a case of 100,000 claims scrolls
 * and filters as fast as a short one. Cards are measured as they render, since their height
 * follows their text. A row whose page has not arrived yet shows as a placeholder.
 */
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, type RefObject } from 'react';
import { listSelectors, teamSelectors, useAppStore } from '../store';
import { PAGE, rowAt, type ListState } from '../store/listSlice';
import { ClaimCard } from './ClaimCard';

/** A card's height before it is measured: two lines of wording, a quote, a byline and badges. */
const ESTIMATED_CARD_HEIGHT = 140;
/** Lists up to this long are rendered whole. */
const SHORT_LIST = 60;
/** The gap between cards, and above the first (as .claim-list's gap and padding in styles.css). */
const GAP = 8;
const estimateSize = () => ESTIMATED_CARD_HEIGHT;

interface Props {
  list: ListState;
  selectedClaimId: string | null;
  /** The element that scrolls, with this list at its top. */
  scrollRef: RefObject<HTMLElement | null>;
}

export function VirtualClaimRows({ list, selectedClaimId, scrollRef }: Props) {
  const showPages = useAppStore((s) => s.showPages);
  const facets = useAppStore(listSelectors.facets);
  // One subscription for the whole list: a card gets a boolean, so only the cards whose mark
  // changes draw again when a conflict comes or goes (issue 14).
  const conflicted = useAppStore(teamSelectors.conflictClaims);
  const knownTags = useMemo(() => facets?.tags.map((t) => t.tag) ?? [], [facets]);
  // Where the selected claim is in the list, as the backend located it (listSlice.ts): it is
  // kept rendered even when scrolled away, so that an open edit survives.
  const selectedIndex =
    selectedClaimId && list.selectedAt?.claimId === selectedClaimId ? list.selectedAt.index : -1;
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      // An index from the list before a new answer may lie past its end: not rendered.
      if (selectedIndex < 0 || selectedIndex >= range.count || indexes.includes(selectedIndex))
        return indexes;
      return [...indexes, selectedIndex].sort((a, b) => a - b);
    },
    [selectedIndex],
  );

  // We do not build with the React Compiler, so nothing memoizes this component behind our back.
  // eslint-disable-next-line react-hooks/incompatible-library -- see above
  const virtualizer = useVirtualizer({
    count: list.matched,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    // Sizes are kept by place in the list (the default key), not by claim: a key function
    // that changes with every page that arrives makes the virtualizer walk all 100,000 places
    // again on every render. A card that comes into a place is measured as it mounts.
    // A short list is rendered whole (find in page, reading order); a long one a window of it
    // with two cards either side (a card is about 230 px, so a wheel step never lands on a
    // gap). Each key of a search replaces every card rendered: with six either side, nine
    // cards were drawn and measured per key, and at 100k claims the keystroke's p95 was
    // 34–42 ms; with two, five cards and 28–29 ms.
    overscan: list.matched <= SHORT_LIST ? SHORT_LIST : 2,
    gap: GAP,
    paddingStart: GAP,
    rangeExtractor,
  });
  const items = virtualizer.getVirtualItems();
  // The pages of the rows rendered: those in view, and the selected claim's far away (kept
  // rendered by rangeExtractor), not every page between the two.
  const pagesKey = [...new Set(items.map((item) => Math.floor(item.index / PAGE)))].join(',');

  // Ask for the pages the window covers.
  useEffect(() => {
    showPages(pagesKey === '' ? [] : pagesKey.split(',').map(Number));
  }, [pagesKey, list.generation, showPages]);

  // A new search or filter has answered: its list starts at the top.
  useEffect(() => {
    // The offset the virtualizer last saw: reading the element's would force a layout.
    if (list.resetSeq > 0 && (virtualizer.scrollOffset ?? 0) > 0) virtualizer.scrollToOffset(0);
    // Only when a new search answers, not when the list around it changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [list.resetSeq]);

  // A highlight clicked in the reader brings its card into view, even from far down the list.
  useEffect(() => {
    if (selectedIndex < 0) return;
    const frame = requestAnimationFrame(() =>
      virtualizer.scrollToIndex(selectedIndex, { align: 'auto' }),
    );
    return () => cancelAnimationFrame(frame);
    // Only when asked to (a new selection, a new search), not when the list around it changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [list.revealSeq]);

  return (
    <ol className="claim-list virtual" style={{ height: virtualizer.getTotalSize() }}>
      {items.map((item) => {
        const row = rowAt(list, item.index);
        const placement = {
          index: item.index,
          top: item.start,
          setSize: list.matched,
        };
        if (!row) {
          return (
            <li
              key={item.key}
              ref={virtualizer.measureElement}
              className="claim-card placeholder virtual-row"
              style={{ transform: `translateY(${item.start}px)` }}
              data-index={item.index}
              aria-busy="true"
            >
              <span className="muted">Loading…</span>
            </li>
          );
        }
        return (
          <ClaimCard
            key={row.claim.id}
            row={row}
            selected={row.claim.id === selectedClaimId}
            conflicted={conflicted.has(row.claim.id)}
            knownTags={knownTags}
            placement={placement}
            measureRef={virtualizer.measureElement}
          />
        );
      })}
    </ol>
  );
}
