/**
 * Turns a DOM subtree into the reader's plain text: blocks become paragraphs (a blank line),
 * list items, rows and <br> become line breaks, runs of whitespace collapse as a browser
 * would render them, and <pre> keeps its own. Entities were decoded by the parser already.
 * The walk is iterative: a page with deeply nested markup must not overflow the stack.
 */
import {
  CDATA_SECTION_NODE,
  TEXT_NODE,
  isElement,
  tagOf,
  type DomElement,
  type DomNode,
} from './dom';
import { collapseBlankLines } from './text';

// prettier-ignore
const PARAGRAPH_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'details', 'dialog', 'div', 'dl',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hgroup', 'hr', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul',
]);
const LINE_TAGS = new Set(['dd', 'dt', 'legend', 'li', 'summary', 'tr']);
const CELL_TAGS = new Set(['td', 'th']);

/**
 * Never rendered as text. The sanitiser removes most of these before we get here; the walk
 * skips them again so that no path (Readability's output, the fallback) can leak them.
 */
// prettier-ignore
const SKIPPED_TAGS = new Set([
  'applet', 'audio', 'button', 'canvas', 'embed', 'frame', 'frameset', 'head', 'iframe',
  'img', 'input', 'link', 'map', 'meta', 'noscript', 'object', 'picture', 'script', 'select',
  'style', 'svg', 'template', 'textarea', 'title', 'video',
]);

/** HTML's collapsible whitespace, plus no-break spaces, which readers expect as spaces. */
const COLLAPSIBLE = /[ \t\n\f\r\u00a0]+/g;

/** How much space separates what was written from what comes next. */
type Gap = 0 | 1 | 2;
const NO_GAP: Gap = 0;
const LINE: Gap = 1;
const PARAGRAPH: Gap = 2;

/** Accumulates text, deferring spaces and breaks so none lead or trail a line. */
class TextBuilder {
  private readonly parts: string[] = [];
  private gap: Gap = NO_GAP;
  private space = false;
  private cell = false;

  inline(text: string): void {
    const collapsed = text.replace(COLLAPSIBLE, ' ');
    if (collapsed === ' ') {
      this.space = true;
      return;
    }
    if (collapsed.startsWith(' ')) this.space = true;
    const words = collapsed.trim();
    if (words) this.write(words);
    if (collapsed.endsWith(' ')) this.space = true;
  }

  preformatted(text: string): void {
    if (text) this.write(text);
  }

  /** A <br>; two in a row are how many pages mark a paragraph, so they make one. */
  lineBreak(): void {
    if (this.parts.length > 0) this.gap = this.gap >= LINE ? PARAGRAPH : LINE;
  }

  breakAtLeast(gap: Gap): void {
    if (this.parts.length > 0 && gap > this.gap) this.gap = gap;
  }

  cellBoundary(): void {
    if (this.parts.length > 0) this.cell = true;
  }

  toString(): string {
    return this.parts.join('');
  }

  private write(text: string): void {
    if (this.gap !== NO_GAP) this.parts.push(this.gap === PARAGRAPH ? '\n\n' : '\n');
    else if (this.cell) this.parts.push('\t');
    else if (this.space && this.parts.length > 0) this.parts.push(' ');
    this.parts.push(text);
    this.gap = NO_GAP;
    this.space = false;
    this.cell = false;
  }
}

function gapAround(tag: string): Gap {
  if (PARAGRAPH_TAGS.has(tag)) return PARAGRAPH;
  if (LINE_TAGS.has(tag)) return LINE;
  return NO_GAP;
}

function isSkipped(element: DomElement): boolean {
  return SKIPPED_TAGS.has(tagOf(element)) || element.hasAttribute('hidden');
}

type Visit = { node: DomNode; exit: boolean };

/** Children go on the stack last-first, so that they come off it in document order. */
function pushChildren(stack: Visit[], parent: DomNode): void {
  const children = parent.childNodes;
  for (let i = children.length - 1; i >= 0; i--) {
    const child = children[i];
    if (child) stack.push({ node: child, exit: false });
  }
}

/** Plain text of `root` and its descendants, with paragraph structure kept. */
export function htmlToText(root: DomNode): string {
  const out = new TextBuilder();
  let preDepth = 0;
  // Each entry is a node to enter, or (exit: true) an element whose children are done.
  const stack: Visit[] = [{ node: root, exit: false }];
  while (stack.length > 0) {
    const entry = stack.pop();
    if (!entry) break;
    const { node, exit } = entry;
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
      const text = node.textContent ?? '';
      if (preDepth > 0) out.preformatted(text);
      else out.inline(text);
      continue;
    }
    if (node === root && !isElement(node)) {
      // A document or fragment: walk what it holds (linkedom keeps stray top-level nodes).
      pushChildren(stack, node);
      continue;
    }
    if (!isElement(node) || (node !== root && isSkipped(node))) continue;
    const tag = tagOf(node);
    if (exit) {
      if (tag === 'pre') preDepth--;
      out.breakAtLeast(gapAround(tag));
      continue;
    }
    if (tag === 'br') {
      out.lineBreak();
      continue;
    }
    out.breakAtLeast(gapAround(tag));
    if (CELL_TAGS.has(tag)) out.cellBoundary();
    if (tag === 'pre') preDepth++;
    stack.push({ node, exit: true });
    pushChildren(stack, node);
  }
  return collapseBlankLines(out.toString());
}
