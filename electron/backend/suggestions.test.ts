/**
 * Suggested claims in the backend (issue 13): list, accept (one undoable edit, new speakers
 * and outlets with it), accept all of a speaker's, reject (remembered across runs, restarts
 * and new versions), the analyst's own claims untouched, and clear refusals.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SuggestionView } from '../../shared/contract/channels';
import type { Backend } from './backend';
import { exportText, importText } from './testing/exchange';
import {
  addDocument,
  backendHarness,
  call,
  capture,
  failure,
  makeCase,
  makeEntity,
} from './testing/harness';

const harness = backendHarness();
afterEach(() => harness.cleanup());

const TEXT = [
  'Ferry fares to rise as operator blames fuel costs',
  '',
  '"We held prices for three winters and we cannot hold them for a fourth," said Ruth Calloway, ' +
    'the operating director of Northsound Ferries.',
  '',
  'Calloway said fares would rise by 8 percent from April. She added that season tickets ' +
    'would be spared.',
  '',
  'Island councillor Ewan Macrae told the Island Courier that the rise would empty the ' +
    'island of young families.',
  '',
  'The company is reportedly considering selling two of its older vessels.',
].join('\n');

const PUBLISHED = '2026-01-20';

async function seed(b: Backend, text = TEXT) {
  const caseId = await makeCase(b, 'Ferries');
  const doc = await addDocument(b, caseId, text, {
    title: 'Ferry fares',
    outlet: 'Coastal Times',
    publishedAt: PUBLISHED,
  });
  return { caseId, doc };
}

const list = (b: Backend, documentId: string) => call(b, 'suggestions:list', { documentId });

function find(views: SuggestionView[], words: string): SuggestionView {
  const found = views.find((v) => v.exact.includes(words));
  if (!found) throw new Error(`no suggestion with “${words}”`);
  return found;
}

describe('suggestions:list', () => {
  it('offers the claims of a document with speakers, chains and dates proposed', async () => {
    const b = await harness.start();
    const { doc } = await seed(b);
    const { suggestions, rejected, captured } = await list(b, doc.id);
    expect(rejected).toBe(0);
    expect(captured).toBe(0);
    expect(suggestions.map((s) => s.exact)).toEqual([
      'We held prices for three winters and we cannot hold them for a fourth',
      'fares would rise by 8 percent from April',
      'season tickets would be spared',
      'the rise would empty the island of young families',
      'The company is reportedly considering selling two of its older vessels',
    ]);
    const first = suggestions[0];
    expect(first).toMatchObject({
      kind: 'direct_quote',
      cue: 'said',
      speaker: {
        name: 'Ruth Calloway',
        entityId: null,
        kind: 'person',
        role: 'operating director of Northsound Ferries',
      },
      // The document's own outlet is the document's, not part of the chain.
      via: [],
    });
    expect(TEXT.slice(first?.start, first?.end)).toBe(first?.exact);
    const macrae = find(suggestions, 'young families');
    expect(macrae.speaker?.name).toBe('Ewan Macrae');
    expect(macrae.via).toEqual([
      { name: 'Island Courier', entityId: null, kind: 'outlet', role: '' },
    ]);
    expect(find(suggestions, 'older vessels')).toMatchObject({
      kind: 'unattributed',
      speaker: null,
    });
  });

  it('matches speakers and outlets to the people and outlets already known, by alias too', async () => {
    const b = await harness.start();
    const courier = await makeEntity(b, 'The Island Courier', 'outlet', ['Island Courier']);
    const macrae = await makeEntity(b, 'Ewan Macrae', 'government');
    const { doc } = await seed(b);
    const view = find((await list(b, doc.id)).suggestions, 'young families');
    expect(view.speaker).toMatchObject({ entityId: macrae, kind: 'government' });
    expect(view.via).toMatchObject([{ entityId: courier, name: 'The Island Courier' }]);
  });

  it('leaves out suggestions overlapping a claim and never changes the claim', async () => {
    const b = await harness.start();
    const { doc } = await seed(b);
    const own = await capture(b, doc, TEXT, 'fares would rise by 8 percent', { text: 'Mine' });
    const { suggestions, captured } = await list(b, doc.id);
    expect(captured).toBe(1);
    expect(suggestions.some((s) => s.exact.includes('8 percent'))).toBe(false);
    await call(b, 'suggestions:reject', { documentId: doc.id, keys: [suggestions[0]?.key ?? ''] });
    await call(b, 'suggestions:acceptAll', { documentId: doc.id, speaker: 'Ruth Calloway' });
    const [after] = await call(b, 'claims:get', { claimIds: [own.id] });
    expect(after?.claim).toEqual(own);
  });
});

describe('suggestions:accept', () => {
  it('makes the claim through the write path, with a new speaker, and undo takes both back', async () => {
    const b = await harness.start();
    const { caseId, doc } = await seed(b);
    const before = await list(b, doc.id);
    const view = find(before.suggestions, 'young families');
    const { claims, entities } = await call(b, 'suggestions:accept', {
      documentId: doc.id,
      key: view.key,
    });
    expect(entities.map((e) => [e.name, e.kind])).toEqual([
      ['Ewan Macrae', 'person'],
      ['Island Courier', 'outlet'],
    ]);
    const [claim] = claims;
    const byName = new Map(entities.map((e) => [e.name, e.id]));
    expect(claim).toMatchObject({
      documentId: doc.id,
      text: view.exact,
      kind: 'indirect_speech',
      anchor: { start: view.start, end: view.end, exact: view.exact },
      attribution: {
        speakerId: byName.get('Ewan Macrae'),
        via: [byName.get('Island Courier')],
        cue: 'told',
        reportedOn: PUBLISHED,
      },
    });
    expect((await call(b, 'claims:ofDocument', { documentId: doc.id })).map((h) => h.id)).toEqual([
      claim?.id,
    ]);
    const after = await list(b, doc.id);
    expect(after.suggestions.map((s) => s.key)).not.toContain(view.key);
    expect(after.captured).toBe(1);
    // Other suggestions of the same speaker now name the entity just made.
    expect((await call(b, 'edit:state', {})).undo).toBe('Accept suggested claim');

    await call(b, 'edit:undo', {});
    expect(await call(b, 'claims:list', { caseId })).toEqual([]);
    const names = (await call(b, 'entities:list', {})).map((e) => e.name);
    expect(names).not.toContain('Ewan Macrae');
    expect((await list(b, doc.id)).suggestions.map((s) => s.key)).toContain(view.key);
  });

  it('takes the analyst’s edits: wording, kind, date, an existing speaker and a new outlet', async () => {
    const b = await harness.start();
    const ruth = await makeEntity(b, 'R. Calloway', 'person');
    const { doc } = await seed(b);
    const view = find((await list(b, doc.id)).suggestions, '8 percent');
    const { claims, entities } = await call(b, 'suggestions:accept', {
      documentId: doc.id,
      key: view.key,
      text: 'Fares up 8% in April',
      kind: 'direct_quote',
      speaker: { entityId: ruth },
      via: [
        { name: 'Shipping Weekly', kind: 'outlet' },
        { name: 'Coastal Times', kind: 'outlet' },
      ],
      saidOn: '2026-01-19',
      tags: ['fares'],
    });
    expect(entities.map((e) => e.name)).toEqual(['Shipping Weekly']);
    expect(claims[0]).toMatchObject({
      text: 'Fares up 8% in April',
      kind: 'direct_quote',
      tags: ['fares'],
      // The document's outlet is left off the chain: it is where the chain ends anyway.
      attribution: { speakerId: ruth, via: [entities[0]?.id], saidOn: '2026-01-19' },
    });
  });

  it('accepts with no speaker when the analyst removes it', async () => {
    const b = await harness.start();
    const { doc } = await seed(b);
    const view = find((await list(b, doc.id)).suggestions, 'season tickets');
    const { claims, entities } = await call(b, 'suggestions:accept', {
      documentId: doc.id,
      key: view.key,
      speaker: null,
      kind: 'unattributed',
    });
    expect(entities).toEqual([]);
    expect(claims[0]?.attribution.speakerId).toBeNull();
  });
});

describe('suggestions:acceptAll', () => {
  it('accepts every waiting suggestion of one speaker in one edit, one undo step', async () => {
    const b = await harness.start();
    const { caseId, doc } = await seed(b);
    const { claims, entities } = await call(b, 'suggestions:acceptAll', {
      documentId: doc.id,
      speaker: 'ruth calloway',
    });
    expect(claims.map((c) => c.anchor.exact)).toEqual([
      'We held prices for three winters and we cannot hold them for a fourth',
      'fares would rise by 8 percent from April',
      'season tickets would be spared',
    ]);
    expect(entities.map((e) => e.name)).toEqual(['Ruth Calloway']);
    expect(new Set(claims.map((c) => c.attribution.speakerId))).toEqual(new Set([entities[0]?.id]));
    expect((await list(b, doc.id)).suggestions).toHaveLength(2);
    await call(b, 'edit:undo', {});
    expect(await call(b, 'claims:list', { caseId })).toEqual([]);
    expect((await list(b, doc.id)).suggestions).toHaveLength(5);
  });
});

describe('suggestions:reject', () => {
  it('keeps a rejection across runs, restarts and new versions, and undo brings it back', async () => {
    const b = await harness.start();
    const { caseId, doc } = await seed(b);
    const view = find((await list(b, doc.id)).suggestions, 'older vessels');
    expect(
      await call(b, 'suggestions:reject', { documentId: doc.id, keys: [view.key, view.key] }),
    ).toEqual({ documentId: doc.id, rejected: [view.key] });
    const again = await list(b, doc.id);
    expect(again.rejected).toBe(1);
    expect(again.suggestions.map((s) => s.key)).not.toContain(view.key);
    // Rejecting again changes nothing and is no edit.
    expect(await call(b, 'suggestions:reject', { documentId: doc.id, keys: [view.key] })).toEqual({
      documentId: doc.id,
      rejected: [],
    });
    expect((await call(b, 'edit:state', {})).undo).toBe('Reject suggestion');

    // A fresh backend on the same data: a new run of the extractor, the rejection still there.
    const dataDir = b.store.dir;
    await harness.stop(b);
    const b2 = await harness.start(dataDir);
    const restarted = await list(b2, doc.id);
    expect(restarted.rejected).toBe(1);
    expect(restarted.suggestions.map((s) => s.key)).not.toContain(view.key);

    // A new version with the passage: the rejection carries over by key.
    const v2 = (
      await call(b2, 'documents:create', {
        caseId,
        title: 'Ferry fares (updated)',
        text: `${TEXT}\n\nUpdated with a statement from the operator.`,
        outlet: 'Coastal Times',
        publishedAt: PUBLISHED,
        versionOf: doc.id,
      })
    ).document;
    const onV2 = await list(b2, v2.id);
    expect(onV2.rejected).toBe(1);
    expect(onV2.suggestions.map((s) => s.key)).not.toContain(view.key);
    expect(onV2.suggestions).toHaveLength(4);
  });

  it('travels with the case in its case file', async () => {
    const b = await harness.start();
    const { caseId, doc } = await seed(b);
    const view = find((await list(b, doc.id)).suggestions, 'older vessels');
    await call(b, 'suggestions:reject', { documentId: doc.id, keys: [view.key] });
    const file = await exportText(b, caseId, 'json');
    const b2 = await harness.start();
    const imported = await importText(b2, 'ferries.json', file.text);
    const [copy] = await call(b2, 'documents:list', { caseId: imported.caseId });
    expect(copy?.rejectedSuggestions).toEqual([view.key]);
    const onCopy = await list(b2, copy?.id ?? '');
    expect(onCopy.rejected).toBe(1);
    expect(onCopy.suggestions.map((s) => s.key)).not.toContain(view.key);
  });

  it('is undone like any edit', async () => {
    const b = await harness.start();
    const { doc } = await seed(b);
    const keys = (await list(b, doc.id)).suggestions.slice(0, 2).map((s) => s.key);
    await call(b, 'suggestions:reject', { documentId: doc.id, keys });
    expect((await call(b, 'edit:state', {})).undo).toBe('Reject 2 suggestions');
    expect((await list(b, doc.id)).suggestions).toHaveLength(3);
    await call(b, 'edit:undo', {});
    expect((await list(b, doc.id)).suggestions).toHaveLength(5);
  });
});

describe('refusals', () => {
  it('says clearly what is wrong with a call', async () => {
    const b = await harness.start();
    const { doc } = await seed(b);
    const [first, second] = (await list(b, doc.id)).suggestions;
    const documentId = doc.id;
    const key = first?.key ?? '';

    expect(await failure(b, 'suggestions:list', { documentId: 'nope' })).toMatchObject({
      code: 'not_found',
      field: 'documentId',
    });
    expect(await failure(b, 'suggestions:accept', { documentId, key: 'xyz' })).toEqual({
      code: 'invalid_input',
      field: 'key',
      message: 'Invalid suggestions:accept request: key: is not a suggestion key',
    });
    expect(await failure(b, 'suggestions:accept', { documentId, key: '00000000000000' })).toEqual({
      code: 'not_found',
      field: 'key',
      message:
        'There is no suggestion 00000000000000 in this document. List the suggestions again.',
    });
    expect(
      await failure(b, 'suggestions:accept', {
        documentId,
        key,
        speaker: { entityId: 'e1', name: 'Both' },
      }),
    ).toMatchObject({ code: 'invalid_input', field: 'speaker' });
    expect(
      await failure(b, 'suggestions:accept', { documentId, key, speaker: { name: 'No kind' } }),
    ).toMatchObject({ code: 'invalid_input', field: 'speaker.kind' });
    expect(
      await failure(b, 'suggestions:accept', { documentId, key, speaker: { entityId: 'gone' } }),
    ).toMatchObject({ code: 'not_found', field: 'speaker' });
    expect(await failure(b, 'suggestions:reject', { documentId, keys: [] })).toMatchObject({
      code: 'invalid_input',
      field: 'keys',
    });
    expect(
      await failure(b, 'suggestions:reject', { documentId, keys: [key, '0000000000000f'] }),
    ).toMatchObject({ code: 'not_found', field: 'keys.1' });
    expect(
      await failure(b, 'suggestions:acceptAll', { documentId, speaker: 'Nobody Here' }),
    ).toEqual({
      code: 'not_found',
      field: 'speaker',
      message: 'No suggestion waiting in this document is by Nobody Here.',
    });

    await call(b, 'suggestions:reject', { documentId, keys: [key] });
    expect(await failure(b, 'suggestions:accept', { documentId, key })).toMatchObject({
      code: 'conflict',
      message: 'This suggestion was rejected. Undo the rejection to accept it.',
    });
    await call(b, 'suggestions:accept', { documentId, key: second?.key ?? '' });
    expect(
      await failure(b, 'suggestions:accept', { documentId, key: second?.key ?? '' }),
    ).toMatchObject({ code: 'conflict', field: 'key' });
    // Nothing refused was written.
    expect((await call(b, 'claims:list', { caseId: doc.caseId })).length).toBe(1);
  });
});
