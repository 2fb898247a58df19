/**
 * HTML pages: linkedom builds the DOM (it runs no script and loads nothing), active and
 * embedded content is removed, Readability picks the article out of the page furniture, and
 * `htmlToText` turns it into paragraphs. When Readability finds nothing, the page's whole
 * visible text is kept instead, with a warning, rather than refusing a page that has text.
 */
// Imported here, not with import(): this module is itself loaded on first use (extract.ts),
// and a bundled import() of a CommonJS package yields only its default export.
import { Readability } from '@mozilla/readability';
import { all, parseDocument, type DomDocument, type DomNode } from './dom';
import { decodeUtf8 } from './format';
import { collectHtmlMeta, resolveHtmlMeta, type ReadabilityMeta } from './htmlMeta';
import { checkHtmlShape, measureTree, suitsReadability } from './htmlLimits';
import { htmlToText } from './htmlText';
import { finishText } from './text';
import type { ExtractedDocument } from './types';

/** Elements that run code, style the page or embed other documents; none holds article text. */
const DROPPED =
  'style, noscript, template, iframe, frame, frameset, object, embed, applet, svg, canvas';

export const REMOVED_WARNING =
  'Scripts, styles and embedded content (frames, objects, SVG) were removed.';
export const ARTICLE_WARNING =
  'Only the main article was kept; navigation, menus and other page furniture were left out.';
export const TOO_COMPLEX_WARNING =
  'This page is too large or too deeply nested to pick out its main article, so the whole page ' +
  'text was imported; it may include menus and footers.';
export const WHOLE_PAGE_WARNING =
  'No main article was found, so the whole page text was imported; it may include menus and footers.';

/**
 * Removes everything that is not inert text. JSON-LD blocks stay for Readability, which only
 * JSON.parses them for metadata and then drops every script itself; they are data, not code.
 */
function sanitize(document: DomDocument): number {
  let removed = 0;
  for (const script of all(document, 'script')) {
    if ((script.getAttribute('type') ?? '').trim().toLowerCase() === 'application/ld+json') {
      continue;
    }
    script.remove();
    removed++;
  }
  for (const element of all(document, DROPPED)) {
    // A nested match (an <svg> inside a removed <object>) may already be detached; harmless.
    element.remove();
    removed++;
  }
  return removed;
}

function withoutJsonLd(document: DomDocument): void {
  for (const script of all(document, 'script')) script.remove();
}

interface Article extends ReadabilityMeta {
  content: DomNode;
}

function isDomNode(value: unknown): value is DomNode {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof Reflect.get(value, 'nodeType') === 'number'
  );
}

/** Readability's article, or null when it found none or gave up on the page. */
function readArticle(document: DomDocument): Article | null {
  try {
    // The serializer hands back the article's DOM node itself: converting it directly keeps
    // the paragraph structure that its HTML string would make us parse a second time.
    // linkedom's document stands in for the DOM's. Readability's types name the DOM's
    // Document, which the backend project (no DOM lib) cannot resolve and the Electron
    // project (DOM loaded) does not see matching; `never` bridges the type here only.
    const dom = document as unknown as never;
    const reader = new Readability<unknown>(dom, { serializer: (node: unknown) => node });
    const article = reader.parse();
    const content: unknown = article?.content;
    if (!article || !isDomNode(content)) return null;
    return {
      content,
      title: article.title,
      byline: article.byline,
      siteName: article.siteName,
      publishedTime: article.publishedTime,
    };
  } catch {
    // Markup Readability cannot walk (it recurses): the fallback still has the text.
    return null;
  }
}

/** A document that starts with <html>, after any doctype, comments or XML declaration. */
const HAS_HTML_ROOT = /^(?:\s|<!--[\s\S]*?-->|<!doctype[^>]*>|<\?xml[^>]*\?>)*<html[\s>]/i;

/**
 * linkedom builds no <html>/<body> around a fragment ("<p>a</p><p>b</p>" gets the first <p>
 * as its root and the second outside it), and Readability needs a body: wrap fragments.
 */
function asFullDocument(html: string): string {
  return HAS_HTML_ROOT.test(html)
    ? html
    : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
}

export async function extractHtml(fileName: string, bytes: Uint8Array): Promise<ExtractedDocument> {
  const source = decodeUtf8(fileName, bytes);
  checkHtmlShape(fileName, source);
  const html = asFullDocument(source);
  const document = await parseDocument(html);
  const candidates = collectHtmlMeta(document);
  const removed = sanitize(document);
  const warnings = removed > 0 ? [REMOVED_WARNING] : [];

  const suitable = suitsReadability(measureTree(document));
  const article = suitable ? readArticle(document) : null;
  const articleText = article ? htmlToText(article.content) : '';
  if (article && articleText.trim()) {
    return {
      format: 'html',
      text: finishText(fileName, articleText),
      meta: resolveHtmlMeta(candidates, article),
      warnings: [...warnings, ARTICLE_WARNING],
    };
  }

  // Readability rewrote the tree while it searched: read the text from a fresh one, and all
  // of it, since linkedom may leave content outside <body> (after </html>, say).
  const page = suitable ? await parseDocument(html) : document;
  if (suitable) sanitize(page);
  withoutJsonLd(page);
  return {
    format: 'html',
    text: finishText(fileName, htmlToText(page)),
    meta: resolveHtmlMeta(candidates),
    warnings: [...warnings, suitable ? WHOLE_PAGE_WARNING : TOO_COMPLEX_WARNING],
  };
}
