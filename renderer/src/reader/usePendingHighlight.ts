/**
 * Keeps the passage waiting to become a claim visibly marked while the analyst types in the
 * capture panel (the browser hides a selection once focus leaves the text). It uses the CSS
 * Custom Highlight API, which paints a range without touching the DOM, so a selection being
 * dragged is never disturbed by a re-render.
 */
import { useEffect, type RefObject } from 'react';
import type { PendingSelection } from '../store/uiSlice';
import { rangeFromOffsets } from './selectionOffsets';

const NAME = 'claimdesk-pending';

export function usePendingHighlight(
  rootRef: RefObject<HTMLElement | null>,
  selection: PendingSelection | null,
  documentId: string | undefined,
  text: string | undefined,
): void {
  useEffect(() => {
    const root = rootRef.current;
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    if (!root || !selection || selection.documentId !== documentId || text === undefined) {
      CSS.highlights.delete(NAME);
      return;
    }
    const range = rangeFromOffsets(root, selection.start, selection.end);
    if (range) CSS.highlights.set(NAME, new Highlight(range));
    return () => {
      CSS.highlights.delete(NAME);
    };
  }, [rootRef, selection, documentId, text]);
}
