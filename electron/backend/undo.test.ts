import { cp } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from './backend';
import { LOCK_FILE } from './store/store';
import {
  addDocument,
  backendHarness,
  call,
  capture,
  failure,
  makeCase,
  makeEntity,
} from './testing/harness';
import { journalLines, tempDirs } from './testing/tempDir';

const SAMPLE_CASE = fileURLToPath(new URL('../../data/sample-case.json', import.meta.url));

const harness = backendHarness();
const copies = tempDirs('claimdesk-copy-');
afterEach(async () => {
  await harness.cleanup();
  await copies.cleanup();
});

const TEXT = 'Galeotti told Radio Svoboda that Moscow lacks the means to intervene in Caracas.';
const QUOTE = 'Moscow lacks the means to intervene';

async function seed(b: Backend) {
  const caseId = await makeCase(b, 'Venezuela');
  const doc = await addDocument(b, caseId, TEXT, { title: 'Interview' });
  const claim = await capture(b, doc, TEXT, QUOTE);
  return { caseId, doc, claim };
}

describe('undo and redo', () => {
  it('labels what undo and redo would do in edit:state', async () => {
    const b = await harness.start();
    expect(await call(b, 'edit:state', {})).toEqual({ undo: null, redo: null });
    const { caseId } = await seed(b);
    expect(await call(b, 'edit:state', {})).toEqual({ undo: 'Create claim', redo: null });
    const undone = await call(b, 'edit:undo', {});
    expect(undone).toEqual({
      label: 'Create claim',
      caseId,
      state: { undo: 'Add document “Interview”', redo: 'Create claim' },
    });
    await call(b, 'edit:undo', {});
    expect(await call(b, 'edit:state', {})).toEqual({
      undo: 'Create case “Venezuela”',
      redo: 'Add document “Interview”',
    });
    const redone = await call(b, 'edit:redo', {});
    expect(redone.label).toBe('Add document “Interview”');
    expect(redone.state).toEqual({ undo: 'Add document “Interview”', redo: 'Create claim' });
  });

  it('undoes claims:create, and redo brings the claim back identical', async () => {
    const b = await harness.start();
    const { caseId, claim } = await seed(b);
    await call(b, 'edit:undo', {});
    expect(await call(b, 'claims:list', { caseId })).toEqual([]);
    await call(b, 'edit:redo', {});
    expect(await call(b, 'claims:list', { caseId })).toEqual([claim]);
  });

  it('undoes claims:update, restoring the old text', async () => {
    const b = await harness.start();
    const { caseId, claim } = await seed(b);
    await call(b, 'claims:update', { claimId: claim.id, text: 'Reworded', status: 'disputed' });
    expect((await call(b, 'edit:undo', {})).label).toBe('Edit claim');
    expect(await call(b, 'claims:list', { caseId })).toEqual([claim]);
  });

  it('undoes entities:merge, restoring both entities and every reference', async () => {
    const b = await harness.start();
    const caseId = await makeCase(b);
    const keep = await makeEntity(b, 'Radio Liberty', 'outlet');
    const dupe = await makeEntity(b, 'Radio Svoboda', 'outlet', ['Svoboda']);
    const galeotti = await makeEntity(b, 'Mark Galeotti', 'person', ['Galeotti']);
    const doc = await addDocument(b, caseId, TEXT, { outlet: 'Svoboda' });
    await capture(b, doc, TEXT, QUOTE, { attribution: { speakerId: galeotti, via: [dupe, keep] } });
    await capture(b, doc, TEXT, 'Galeotti', { attribution: { speakerId: dupe } });
    const read = async () => ({
      entities: await call(b, 'entities:list', {}),
      documents: await call(b, 'documents:list', { caseId }),
      claims: await call(b, 'claims:list', { caseId }),
    });
    const before = await read();
    expect(before.documents[0]?.outletId).toBe(dupe);

    await call(b, 'entities:merge', { keepId: keep, mergeId: dupe });
    expect((await read()).entities).toHaveLength(2);
    const undone = await call(b, 'edit:undo', {});
    expect(undone).toMatchObject({ label: 'Merge duplicates', caseId: null });
    expect(await read()).toEqual(before);
  });

  it('clears redo when a new edit follows an undo', async () => {
    const b = await harness.start();
    const { caseId, doc } = await seed(b);
    await call(b, 'edit:undo', {});
    expect((await call(b, 'edit:state', {})).redo).toBe('Create claim');
    await capture(b, doc, TEXT, 'Caracas');
    expect(await call(b, 'edit:state', {})).toEqual({ undo: 'Create claim', redo: null });
    expect(await failure(b, 'edit:redo', {})).toMatchObject({ code: 'conflict' });
    expect((await call(b, 'claims:list', { caseId })).map((c) => c.anchor.exact)).toEqual([
      'Caracas',
    ]);
  });

  it('answers conflict when there is nothing to undo or redo', async () => {
    const b = await harness.start();
    expect(await failure(b, 'edit:undo', {})).toEqual({
      code: 'conflict',
      message: 'There is nothing to undo.',
    });
    expect(await failure(b, 'edit:redo', {})).toEqual({
      code: 'conflict',
      message: 'There is nothing to redo.',
    });
    await makeCase(b);
    await call(b, 'edit:undo', {});
    expect(await failure(b, 'edit:undo', {})).toMatchObject({ code: 'conflict' });
    expect(await call(b, 'cases:list', {})).toEqual([]);
  });

  it('does not offer the seeding of the sample case for undo', async () => {
    const b = await harness.start(undefined, SAMPLE_CASE);
    expect(await call(b, 'cases:list', {})).toHaveLength(1);
    expect(await call(b, 'edit:state', {})).toEqual({ undo: null, redo: null });
    expect(await failure(b, 'edit:undo', {})).toMatchObject({ code: 'conflict' });
    expect(await call(b, 'cases:list', {})).toHaveLength(1);
    expect(harness.logs).toEqual([]);
  });

  it('journals undo and redo: the state on disk matches after a crash or a reopen', async () => {
    const b = await harness.start();
    const dir = b.store.dir;
    const { caseId, claim } = await seed(b);
    await call(b, 'claims:update', { claimId: claim.id, text: 'Reworded' });
    await call(b, 'edit:undo', {});
    await call(b, 'edit:undo', {});
    await call(b, 'edit:redo', {});
    const expected = await b.store.snapshot();
    expect(expected.claims).toEqual([claim]);
    const lines = await journalLines(dir);
    expect(lines).toHaveLength(7);

    // A copy of the data dir as it is now, without the lock: what a crash would leave.
    const crashed = await copies.make();
    await cp(dir, crashed, { recursive: true, filter: (src) => path.basename(src) !== LOCK_FILE });
    const recovered = await harness.start(crashed);
    expect(await recovered.store.snapshot()).toEqual(expected);

    await harness.stop(b);
    const reopened = await harness.start(dir);
    expect(await reopened.store.snapshot()).toEqual(expected);
    expect(await call(reopened, 'claims:list', { caseId })).toEqual([claim]);
    // The undo stack lives for the session only.
    expect(await call(reopened, 'edit:state', {})).toEqual({ undo: null, redo: null });
  });
});
