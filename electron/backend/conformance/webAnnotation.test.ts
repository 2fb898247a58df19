/**
 * The W3C export passes the MUST assertions of the W3C Web Annotation test suite: the
 * collection's, the embedded page's, and every annotation's.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exportText, openSample } from '../testing/exchange';
import { addDocument, backendHarness, capture, makeCase } from '../testing/harness';
import { announceMissingStandards, standardsPresent } from './standards';
import { failedAssertions, loadManifest, sample, sampleNames } from './webAnnotationSuite';

announceMissingStandards('W3C Web Annotation conformance');

const harness = backendHarness();
afterEach(() => harness.cleanup());

type Suite = ReturnType<typeof loadManifest>;
let annotationMusts: Suite = [];
let collectionMusts: Suite = [];
let pageMusts: Suite = [];

beforeAll(() => {
  if (!standardsPresent) return;
  annotationMusts = loadManifest('annotations/annotationMusts.test');
  collectionMusts = loadManifest('collections/collectionMusts.test');
  pageMusts = loadManifest('collections/pages/pageMusts.test');
});

interface Collection extends Record<string, unknown> {
  '@context': string;
  first?: { items: Record<string, unknown>[] };
}

/**
 * An item as it stands on its own: embedded in the collection it has no `@context` of its
 * own and takes the collection's (JSON-LD scoping), which the annotation MUSTs check for.
 */
const standalone = (collection: Collection, item: Record<string, unknown>) => ({
  '@context': collection['@context'],
  ...item,
});

describe.skipIf(!standardsPresent)('W3C Web Annotation test suite: MUST assertions', () => {
  it('runs the suite as intended: the correct samples pass, every incorrect one fails', () => {
    expect(annotationMusts.length).toBeGreaterThan(50);
    // anno11–13 use Composite/List/Independents, moved to a non-normative appendix (README).
    const correct = sampleNames('correct').filter(
      (n) => /^anno\d/.test(n) && !/^anno1[123]\./.test(n),
    );
    expect(correct).toHaveLength(38);
    for (const name of correct) {
      expect([name, failedAssertions(annotationMusts, sample('correct', name))]).toEqual([
        name,
        [],
      ]);
    }
    // One incorrect sample is not JSON at all (it tests a reader, not the model).
    const incorrect = sampleNames('incorrect').flatMap((name) => {
      try {
        return [{ name, document: sample('incorrect', name) }];
      } catch {
        return [];
      }
    });
    expect(incorrect).toHaveLength(sampleNames('incorrect').length - 1);
    for (const { name, document } of incorrect) {
      expect(failedAssertions(annotationMusts, document).length, name).toBeGreaterThan(0);
    }
    const collection = sample('correct', 'collection1.json');
    expect(failedAssertions(collectionMusts, collection)).toEqual([]);
    expect(failedAssertions(pageMusts, collection)).toEqual([]);
  });

  it('passes them for the sample case: collection, embedded page and all 14 annotations', async () => {
    const { b, caseId } = await openSample(harness);
    const collection = JSON.parse((await exportText(b, caseId, 'w3c')).text) as Collection;
    expect(failedAssertions(collectionMusts, collection)).toEqual([]);
    expect(failedAssertions(pageMusts, collection)).toEqual([]);
    const items = collection.first?.items ?? [];
    expect(items).toHaveLength(14);
    for (const item of items) {
      expect([item.id, failedAssertions(annotationMusts, standalone(collection, item))]).toEqual([
        item.id,
        [],
      ]);
    }
  });

  it('passes them for claims on text with emoji, on a document with a URL, and for an empty case', async () => {
    const b = await harness.start();
    const caseId = await makeCase(b, 'Emoji');
    const text = '🇷🇺 Zakharova 😀 said: Moscow is ready 👍 to help. "Quotes", <tags> & more.';
    const document = await addDocument(b, caseId, text, { url: 'https://example.org/a?b=c#d' });
    await capture(b, document, text, 'Moscow is ready 👍 to help', {
      tags: ['x', 'y z'],
      notes: 'n',
    });
    await capture(b, document, text, '"Quotes", <tags>');
    const collection = JSON.parse((await exportText(b, caseId, 'w3c')).text) as Collection;
    expect(failedAssertions(collectionMusts, collection)).toEqual([]);
    expect(failedAssertions(pageMusts, collection)).toEqual([]);
    for (const item of collection.first?.items ?? []) {
      expect(failedAssertions(annotationMusts, standalone(collection, item))).toEqual([]);
    }
    const empty = JSON.parse(
      (await exportText(b, await makeCase(b, 'Empty'), 'w3c')).text,
    ) as Collection;
    expect(failedAssertions(collectionMusts, empty)).toEqual([]);
  });

  it('would catch a broken annotation (the check is not vacuous)', async () => {
    const { b, caseId } = await openSample(harness);
    const collection = JSON.parse((await exportText(b, caseId, 'w3c')).text) as Collection;
    const item = collection.first?.items[0] ?? {};
    const noTarget = { ...item };
    delete noTarget.target;
    expect(failedAssertions(annotationMusts, standalone(collection, noTarget))).not.toEqual([]);
    expect(
      failedAssertions(annotationMusts, standalone(collection, { ...item, id: 'not a uri' })),
    ).not.toEqual([]);
    expect(failedAssertions(annotationMusts, item)).not.toEqual([]);
  });
});
