/**
 * Document metadata from an HTML page's own tags (Open Graph, Twitter cards, Dublin Core,
 * <link rel=canonical>, <time>), falling back to what Readability inferred (JSON-LD, bylines).
 * Read before Readability runs, since Readability rewrites the document as it goes.
 */
import { toIsoDate } from './dates';
import { all, type DomDocument } from './dom';
import { cleanMetaValue } from './text';
import type { DocumentMeta } from './types';

/** What Readability's `parse()` adds, when it found an article. */
export interface ReadabilityMeta {
  title?: string | null | undefined;
  byline?: string | null | undefined;
  siteName?: string | null | undefined;
  publishedTime?: string | null | undefined;
}

function first(values: readonly (string | null | undefined)[]): string {
  for (const value of values) {
    const clean = cleanMetaValue(value);
    if (clean) return clean;
  }
  return '';
}

/** First non-empty content per lower-cased name/property (pages repeat tags; the first wins). */
function metaTags(document: DomDocument): Map<string, string> {
  const tags = new Map<string, string>();
  for (const meta of all(document, 'meta[content]')) {
    const content = meta.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attribute of ['property', 'name', 'itemprop']) {
      const key = meta.getAttribute(attribute)?.trim().toLowerCase();
      if (key && !tags.has(key)) tags.set(key, content);
    }
  }
  return tags;
}

/** An absolute http(s) URL, or ''. Relative URLs cannot be resolved: a file has no address. */
export function httpUrl(value: string | null | undefined): string {
  const text = (value ?? '').trim();
  if (!/^https?:\/\//i.test(text)) return '';
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : '';
  } catch {
    return '';
  }
}

/** OGP's article:author is often a profile URL; a URL is not a name. */
function personName(value: string | undefined): string | undefined {
  return value && !/^https?:\/\//i.test(value.trim()) ? value : undefined;
}

/** <time datetime> marked as the publication date first, then the first one on the page. */
function timeElementDates(document: DomDocument): string[] {
  const preferred = all(
    document,
    'time[datetime][pubdate], time[datetime][itemprop=datePublished]',
  );
  return [...preferred, ...all(document, 'time[datetime]')].map(
    (time) => time.getAttribute('datetime') ?? '',
  );
}

function firstDate(values: readonly (string | null | undefined)[]): string {
  for (const value of values) {
    const date = toIsoDate(value);
    if (date) return date;
  }
  return '';
}

/** Candidate values per field, best first, read from the page before anything mutates it. */
export type MetaCandidates = Record<keyof DocumentMeta, (string | null | undefined)[]>;

export function collectHtmlMeta(document: DomDocument): MetaCandidates {
  const tags = metaTags(document);
  const canonical = all(document, 'link[rel][href]').find((link) =>
    (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'),
  );
  return {
    title: [
      tags.get('og:title'),
      tags.get('twitter:title'),
      document.querySelector('title')?.textContent,
    ],
    author: [tags.get('author'), personName(tags.get('article:author'))],
    outlet: [tags.get('og:site_name'), tags.get('application-name')],
    url: [canonical?.getAttribute('href'), tags.get('og:url')],
    publishedAt: [
      tags.get('article:published_time'),
      tags.get('date'),
      tags.get('pubdate'),
      tags.get('dc.date'),
      tags.get('dc.date.issued'),
      tags.get('dcterms.date'),
      tags.get('datepublished'), // schema.org microdata: <meta itemprop="datePublished">
      ...timeElementDates(document),
    ],
  };
}

/** The page's own tags win; Readability's inferences (JSON-LD, bylines) fill the gaps. */
export function resolveHtmlMeta(
  candidates: MetaCandidates,
  readability: ReadabilityMeta = {},
): DocumentMeta {
  return {
    title: first([...candidates.title, readability.title]),
    author: first([...candidates.author, readability.byline]),
    outlet: first([...candidates.outlet, readability.siteName]),
    url: candidates.url.map(httpUrl).find(Boolean) ?? '',
    publishedAt: firstDate([...candidates.publishedAt, readability.publishedTime]),
  };
}
