/**
 * Maps a DOM selection inside the reader to offsets in the document text. The reader's
 * DOM holds the text and nothing else (highlights are elements around parts of it), so the
 * text of a range from the reader's start to a point is exactly the text before that point.
 */
export interface TextRange {
  start: number;
  end: number;
  exact: string;
}

function offsetOf(root: Node, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(root, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** The selected range within `root`, or null when the selection is empty or elsewhere. */
export function selectionWithin(root: HTMLElement, selection: Selection | null): TextRange | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const start = offsetOf(root, range.startContainer, range.startOffset);
  const end = offsetOf(root, range.endContainer, range.endOffset);
  if (end <= start) return null;
  return { start, end, exact: range.toString() };
}

/** True when the selection is a caret or range inside `root`. */
export function selectionTouches(root: HTMLElement, selection: Selection | null): boolean {
  return !!selection && selection.rangeCount > 0 && root.contains(selection.anchorNode);
}

/** The text node and offset within it at character `offset` of `root`'s text. */
function pointAt(root: Node, offset: number): [Node, number] | null {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0;
    if (offset <= seen + length) return [node, offset - seen];
    seen += length;
  }
  return null;
}

/** A DOM range over `[start, end)` of `root`'s text, or null when out of bounds. */
export function rangeFromOffsets(root: Node, start: number, end: number): Range | null {
  const from = pointAt(root, start);
  const to = pointAt(root, end);
  if (!from || !to) return null;
  const range = document.createRange();
  range.setStart(from[0], from[1]);
  range.setEnd(to[0], to[1]);
  return range;
}
