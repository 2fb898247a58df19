/**
 * The slice of the DOM the HTML extractor touches, typed structurally. The backend compiles
 * without the DOM lib (it runs in plain Node), so linkedom's and Readability's declarations,
 * which name `Document` and `Window`, cannot be used as they are; these interfaces are
 * checked against linkedom's document once, at the boundary, in `parseDocument`.
 */

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const CDATA_SECTION_NODE = 4;

export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  /**
   * The only way down the tree we use. linkedom's firstChild/nextSibling are unreliable at the
   * document level (a doctype's nextSibling is undefined, which would hide the whole page).
   */
  readonly childNodes: ArrayLike<DomNode>;
}

export interface DomElement extends DomNode {
  readonly tagName: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
  remove(): void;
}

export interface DomDocument extends DomNode {
  readonly documentElement: DomElement | null;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
}

export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}

/** Lower-case tag name: linkedom upper-cases elements Readability creates ("DIV"), not parsed ones. */
export function tagOf(element: DomElement): string {
  return element.tagName.toLowerCase();
}

function hasMethods(value: object, names: readonly string[]): boolean {
  return names.every((name) => typeof Reflect.get(value, name) === 'function');
}

/** Parses with linkedom, which builds a DOM and never runs scripts or fetches resources. */
export async function parseDocument(html: string): Promise<DomDocument> {
  const { parseHTML } = await import('linkedom');
  // parseHTML is declared as returning a DOM `Window`, a type this project does not load.
  const window: unknown = parseHTML(html);
  const document: unknown =
    typeof window === 'object' && window !== null ? Reflect.get(window, 'document') : null;
  if (
    typeof document !== 'object' ||
    document === null ||
    !hasMethods(document, ['querySelector', 'querySelectorAll'])
  ) {
    throw new Error('linkedom returned no document');
  }
  // Checked above for the members we call; the rest are standard DOM properties.
  return document as DomDocument;
}

/** Elements matching `selectors`, as an array we may mutate the tree while walking. */
export function all(root: DomDocument | DomElement, selectors: string): DomElement[] {
  return Array.from(root.querySelectorAll(selectors));
}
