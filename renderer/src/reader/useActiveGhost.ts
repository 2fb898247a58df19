/**
 * Paints the selected suggestion's ghost in the text with the CSS Custom Highlight API (as
 * usePendingHighlight does for the pending selection), so that moving through hundreds of
 * suggestions with Tab never redraws the document.
 */
import { useEffect, type RefObject } from 'react';

const NAME = 'claimdesk-suggestion';

export function useActiveGhost(
  rootRef: RefObject<HTMLElement | null>,
  key: string | null,
  /** What the text is drawn from: the ranges are taken again after it is redrawn. */
  ghosts: unknown,
  highlights: unknown,
): void {
  useEffect(() => {
    const root = rootRef.current;
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    if (!root || !key) {
      CSS.highlights.delete(NAME);
      return;
    }
    const ranges = [...root.querySelectorAll(`[data-suggestion-keys~="${CSS.escape(key)}"]`)].map(
      (element) => {
        const range = window.document.createRange();
        range.selectNodeContents(element);
        return range;
      },
    );
    CSS.highlights.set(NAME, new Highlight(...ranges));
    return () => {
      CSS.highlights.delete(NAME);
    };
  }, [rootRef, key, ghosts, highlights]);
}
