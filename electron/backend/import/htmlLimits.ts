/**
 * Work limits for HTML, measured on this machine class with linkedom 0.18 and Readability 0.6:
 * linkedom parses about 170,000 elements a second; Readability needs about 60 µs per element
 * on an ordinary page (20,000 elements: 1.4 s) but grows steeply with nesting depth (a chain
 * of 500 nested <div>s: 1.5 s; 1,000: 11 s; 2,000: minutes, then a stack overflow). Its own
 * `maxElemsToParse` guard counts with getElementsByTagName('*'), which returns nothing under
 * linkedom, so we measure the tree ourselves. Real pages stay far below all of these.
 */
import { ImportError } from './types';
import { isElement, type DomNode } from './dom';

/** Refused before parsing: about 2 s of linkedom on one core. */
export const MAX_HTML_ELEMENTS = 300_000;
/** linkedom's parse time grows with the square of nesting: 10,000 deep takes 80 ms, 100,000 13 s. */
export const MAX_HTML_DEPTH = 5_000;
/** Past these, Readability is skipped and the whole page text is kept. */
export const MAX_ARTICLE_ELEMENTS = 60_000;
export const MAX_ARTICLE_DEPTH = 120;

/** Elements with no end tag, and elements the parser closes when a sibling opens. */
const NO_NESTING = new Set(
  'area base br col embed hr img input link meta param source track wbr p li dt dd tr td th option'.split(
    ' ',
  ),
);

function tooComplex(fileName: string, what: string): ImportError {
  return new ImportError(
    fileName,
    `This page ${what}, more than Claimdesk can import safely. ` +
      'Save it as PDF or plain text and import that.',
  );
}

/**
 * Refuses, before parsing, a page that would keep the parser busy for seconds: too many tags,
 * or nesting too deep. Both are estimated from the source with a tag scan; the depth estimate
 * errs high (text like "<div>" inside a script counts), which the generous limit absorbs.
 */
export function checkHtmlShape(fileName: string, html: string): void {
  let tags = 0;
  let depth = 0;
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*?(\/?)>/g;
  for (let match = tag.exec(html); match; match = tag.exec(html)) {
    const [, closing, name = '', selfClosing] = match;
    if (closing) {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (++tags > MAX_HTML_ELEMENTS) {
      throw tooComplex(
        fileName,
        `has more than ${MAX_HTML_ELEMENTS.toLocaleString('en-US')} HTML elements`,
      );
    }
    if (selfClosing || NO_NESTING.has(name.toLowerCase())) continue;
    if (++depth > MAX_HTML_DEPTH) {
      throw tooComplex(
        fileName,
        `nests its elements more than ${MAX_HTML_DEPTH.toLocaleString('en-US')} deep`,
      );
    }
  }
}

export interface TreeSize {
  elements: number;
  depth: number;
}

/** Element count and deepest nesting, walked with an explicit stack: no recursion. */
export function measureTree(root: DomNode): TreeSize {
  let elements = 0;
  let maxDepth = 0;
  const stack: [DomNode, number][] = [[root, 0]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [node, depth] = entry;
    if (isElement(node)) elements++;
    maxDepth = Math.max(maxDepth, depth);
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child) stack.push([child, depth + 1]);
    }
  }
  return { elements, depth: maxDepth };
}

/** Whether Readability can be run on this tree in reasonable time. */
export function suitsReadability(size: TreeSize): boolean {
  return size.elements <= MAX_ARTICLE_ELEMENTS && size.depth <= MAX_ARTICLE_DEPTH;
}
