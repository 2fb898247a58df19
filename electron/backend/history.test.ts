import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../shared/domain/schemas';
import {
  addDocument,
  backendHarness,
  call,
  capture,
  makeCase,
  makeEntity,
} from './testing/harness';

const harness = backendHarness();
afterEach(() => harness.cleanup());

const TEXT = 'Zakharova said that Moscow would honour its obligations to Caracas. Nothing else.';
const QUOTE = 'Moscow would honour its obligations to Caracas';

const summary = (entries: HistoryEntry[]) =>
  entries.map((e) => [e.action, e.changes.map((c) => [c.field, c.from, c.to])]);

function expectWellFormed(entries: HistoryEntry[], claimId: string): void {
  for (const entry of entries) {
    expect(entry.claimId).toBe(claimId);
    expect(entry.by.trim()).not.toBe('');
    expect(new Date(entry.at).toISOString()).toBe(entry.at);
  }
}

describe('claims:history', () => {
  it('records creation with the initial values of the fields set', async () => {
    const b = await harness.start();
    const doc = await addDocument(b, await makeCase(b), TEXT, { title: 'Briefing' });
    const zakharova = await makeEntity(b, 'Maria Zakharova');
    const claim = await capture(b, doc, TEXT, QUOTE, {
      text: 'Russia will honour its obligations',
      attribution: { speakerId: zakharova, cue: 'said' },
    });
    const history = await call(b, 'claims:history', { claimId: claim.id });
    expectWellFormed(history, claim.id);
    expect(history).toHaveLength(1);
    expect(history[0]?.action).toBe('created');
    expect(history[0]?.changes).toEqual(
      expect.arrayContaining([
        { field: 'text', from: '', to: 'Russia will honour its obligations' },
        { field: 'quote', from: '', to: QUOTE },
        { field: 'document', from: '', to: 'Briefing' },
        { field: 'speaker', from: '', to: 'Maria Zakharova' },
        { field: 'cue', from: '', to: 'said' },
        { field: 'status', from: '', to: 'unverified' },
      ]),
    );
    // Fields left empty are not listed as changes.
    expect(history[0]?.changes.map((c) => c.field)).not.toContain('notes');
  });

  it('records an update with the fields changed, from and to, and nothing else', async () => {
    const b = await harness.start();
    const doc = await addDocument(b, await makeCase(b), TEXT);
    const claim = await capture(b, doc, TEXT, QUOTE);
    await call(b, 'claims:update', { claimId: claim.id, text: 'Reworded', status: 'disputed' });
    // An update that sets a field to its current value records no change of it.
    await call(b, 'claims:update', { claimId: claim.id, status: 'disputed', tags: ['treaty'] });
    const history = await call(b, 'claims:history', { claimId: claim.id });
    expectWellFormed(history, claim.id);
    expect(summary(history).slice(1)).toEqual([
      [
        'edited',
        [
          ['text', QUOTE, 'Reworded'],
          ['status', 'unverified', 'disputed'],
        ],
      ],
      ['edited', [['tags', '', 'treaty']]],
    ]);
  });

  it('records undo and redo as entries of their own, oldest first', async () => {
    const b = await harness.start();
    const doc = await addDocument(b, await makeCase(b), TEXT);
    const claim = await capture(b, doc, TEXT, QUOTE);
    await call(b, 'claims:update', { claimId: claim.id, text: 'Reworded' });
    await call(b, 'edit:undo', {});
    await call(b, 'edit:redo', {});
    const history = await call(b, 'claims:history', { claimId: claim.id });
    expectWellFormed(history, claim.id);
    expect(summary(history)).toEqual([
      ['created', expect.any(Array) as unknown],
      ['edited', [['text', QUOTE, 'Reworded']]],
      ['undone', [['text', 'Reworded', QUOTE]]],
      ['redone', [['text', QUOTE, 'Reworded']]],
    ]);
    const times = history.map((h) => h.at);
    expect([...times].sort()).toEqual(times);
  });

  it('keeps the history of a deleted claim, ending in a deleted entry', async () => {
    const b = await harness.start();
    const doc = await addDocument(b, await makeCase(b), TEXT);
    const claim = await capture(b, doc, TEXT, QUOTE);
    const other = await capture(b, doc, TEXT, 'Nothing else');
    await call(b, 'claims:delete', { claimId: claim.id });
    const history = await call(b, 'claims:history', { claimId: claim.id });
    expect(history.map((h) => h.action)).toEqual(['created', 'deleted']);
    expect(history[1]?.changes).toContainEqual({ field: 'text', from: QUOTE, to: '' });
    expect(await call(b, 'claims:history', { claimId: other.id })).toHaveLength(1);
  });

  // Regression (fixed; found in electron/backend/edits/claimHistory.ts, describe(), lines 15-22): names are looked up
  // in the store before the edit's ops are applied, so a record created by the same edit is
  // shown by its id: here the new snapshot of documents:create with versionOf (the same happens
  // to the speaker restored by undoing entities:merge).
  it('names the new snapshot by its title in the history of a re-anchored claim', async () => {
    const b = await harness.start();
    const caseId = await makeCase(b);
    const doc = await addDocument(b, caseId, TEXT, { title: 'Briefing' });
    const claim = await capture(b, doc, TEXT, QUOTE);
    await call(b, 'documents:create', {
      caseId,
      title: 'Briefing, updated',
      text: `A new first paragraph.\n\n${TEXT}`,
      versionOf: doc.id,
    });
    const history = await call(b, 'claims:history', { claimId: claim.id });
    expect(history.at(-1)?.action).toBe('reanchored');
    expect(history.at(-1)?.changes).toContainEqual({
      field: 'document',
      from: 'Briefing',
      to: 'Briefing, updated',
    });
  });

  // Issue 12: of 18 claims moved to a new version, only those whose position changed had a
  // "re-anchored" entry; those the edit left in place said only "created".
  it('writes one re-anchored entry per claim moved to a new version, in place or not', async () => {
    const b = await harness.start();
    const caseId = await makeCase(b);
    const sentences = Array.from(
      { length: 6 },
      (_, i) => `Speaker ${i} said that Moscow would honour obligation number ${i}.`,
    );
    const text = sentences.join(' ');
    const doc = await addDocument(b, caseId, text, { title: 'Briefing' });
    const claims = [];
    for (const sentence of sentences) claims.push(await capture(b, doc, text, sentence));
    // Text added after every claim: each stays where it was, quote and title unchanged.
    const created = await call(b, 'documents:create', {
      caseId,
      title: 'Briefing',
      text: `${text}\n\nA paragraph added at the end.`,
      versionOf: doc.id,
    });
    expect(created.reanchored).toBe(claims.length);
    for (const claim of claims) {
      const history = await call(b, 'claims:history', { claimId: claim.id });
      expect(history.map((h) => h.action)).toEqual(['created', 'reanchored']);
      expect(history.at(-1)?.changes).toEqual([
        { field: 'document', from: 'Briefing', to: 'Briefing (another version)' },
      ]);
    }
  });

  it('survives a restart', async () => {
    const b = await harness.start();
    const doc = await addDocument(b, await makeCase(b), TEXT);
    const claim = await capture(b, doc, TEXT, QUOTE);
    await call(b, 'claims:update', { claimId: claim.id, notes: 'Check the transcript.' });
    await call(b, 'edit:undo', {});
    const before = await call(b, 'claims:history', { claimId: claim.id });
    expect(before.map((h) => h.action)).toEqual(['created', 'edited', 'undone']);
    await harness.stop(b);
    const reopened = await harness.start(b.store.dir);
    expect(await call(reopened, 'claims:history', { claimId: claim.id })).toEqual(before);
  });
});
