import { afterEach, describe, expect, it } from 'vitest';
import { exportText, openSample } from '../testing/exchange';
import {
  addDocument,
  backendHarness,
  call,
  capture,
  makeCase,
  makeEntity,
} from '../testing/harness';
import { ANNO_CONTEXT } from './w3c';

const harness = backendHarness();
afterEach(() => harness.cleanup());

interface Selector {
  type: string;
  exact?: string;
  prefix?: string;
  suffix?: string;
  start?: number;
  end?: number;
}
interface Annotation {
  id: string;
  motivation: string;
  creator?: { type: string; nickname: string };
  body: { type: string; purpose: string; value: string }[];
  target: { source: string; selector: Selector[] };
}
interface Collection {
  '@context': string;
  id: string;
  type: string;
  label: string;
  total: number;
  first?: { type: string; partOf: string; startIndex: number; items: Annotation[] };
}

const collectionOf = async (...args: Parameters<typeof exportText>) =>
  JSON.parse((await exportText(...args)).text) as Collection;

describe('cases:export as W3C Web Annotation', () => {
  it('counts TextPositionSelector offsets in code points, not UTF-16 units, on text with emoji', async () => {
    const b = await harness.start();
    const caseId = await makeCase(b, 'Flags 🇷🇺🇻🇪');
    const text = '🇷🇺 Zakharova 😀 said: Moscow is ready 👍 to help Caracas. 👍 Moscow is ready.';
    const document = await addDocument(b, caseId, text, { url: 'https://example.org/tass' });
    const zakharova = await makeEntity(b, 'Maria Zakharova');
    const quote = 'Moscow is ready 👍 to help';
    const claim = await capture(b, document, text, quote, {
      text: 'Russia offers help',
      tags: ['official-position'],
      notes: 'Second statement in a week.',
      attribution: { speakerId: zakharova, cue: 'said' },
    });
    const file = await exportText(b, caseId, 'w3c');
    expect(file.fileName).toBe('Flags 🇷🇺🇻🇪.jsonld');
    expect(file.mimeType).toBe('application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"');
    const collection = JSON.parse(file.text) as Collection;
    const [annotation] = collection.first?.items ?? [];
    const [quoteSelector, position] = annotation?.target.selector ?? [];
    const utf16Start = text.indexOf(quote);
    // Before the quote: two regional indicators, one emoji (each 2 units, 1 code point).
    expect(position).toEqual({
      type: 'TextPositionSelector',
      start: utf16Start - 3,
      end: utf16Start - 3 + [...quote].length,
    });
    expect([...text].slice(position?.start, position?.end).join('')).toBe(quote);
    expect(quoteSelector).toMatchObject({ type: 'TextQuoteSelector', exact: quote });
    expect(text.slice(0, utf16Start).endsWith(quoteSelector?.prefix ?? '')).toBe(true);
    expect(annotation?.target.source).toBe('https://example.org/tass');
    expect(annotation?.id).toBe(`urn:uuid:${claim.id}`);
    expect(annotation?.motivation).toBe('assessing');
    expect(annotation?.creator).toMatchObject({ type: 'Person' });
    expect(annotation?.body.map((x) => [x.purpose, x.value.slice(0, 20)])).toEqual([
      ['describing', 'Russia offers help'],
      ['assessing', 'Said by Maria Zakhar'],
      ['commenting', 'Second statement in '],
      ['tagging', 'official-position'],
    ]);
    // Issue 11: the claim score is named so it cannot be read as ICD 203 confidence.
    const assessing = annotation?.body.find((x) => x.purpose === 'assessing')?.value ?? '';
    // This claim is F6, so it has none, and says so with the same name.
    expect(assessing).toContain('No claim score (nothing can be judged).');
    expect(assessing).not.toMatch(/confidence score/i);
  });

  it('holds one annotation per claim on the collection’s first page', async () => {
    const { b, caseId } = await openSample(harness);
    const collection = await collectionOf(b, caseId, 'w3c');
    expect(collection).toMatchObject({
      '@context': ANNO_CONTEXT,
      type: 'AnnotationCollection',
      label: 'Russia and Venezuela, November 2025',
      total: 14,
    });
    expect(collection.first?.items).toHaveLength(14);
    expect(collection.first?.partOf).toBe(collection.id);
    const claims = await call(b, 'claims:list', { caseId });
    expect(collection.first?.items.map((a) => a.id)).toEqual(claims.map((c) => `urn:uuid:${c.id}`));
    // The sample document has no URL: the target is the snapshot, by a urn.
    expect(collection.first?.items[0]?.target.source).toMatch(/^urn:uuid:/);
  });

  it('leaves out the first page of a case with no claims', async () => {
    const b = await harness.start();
    const caseId = await makeCase(b, 'Empty');
    const collection = await collectionOf(b, caseId, 'w3c');
    expect(collection.total).toBe(0);
    expect(collection.first).toBeUndefined();
  });
});
