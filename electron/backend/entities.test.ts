import { afterEach, describe, expect, it } from 'vitest';
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

const TEXT =
  'Mark Galeotti told Radio Liberty that Moscow lacks the means to intervene. ' +
  'Maria Zakharova said Russia would honour its obligations. ' +
  'Military Watch Magazine reported that bombers landed in Caracas.';
const Q_MEANS = 'Moscow lacks the means to intervene';
const Q_HONOUR = 'Russia would honour its obligations';
const Q_BOMBERS = 'bombers landed in Caracas';

describe('entities', () => {
  it('creates an entity with cleaned aliases and lists entities by name', async () => {
    const b = await harness.start();
    const created = await call(b, 'entities:create', {
      name: 'Maria Zakharova',
      kind: 'person',
      aliases: [' Zakharova ', 'zakharova', 'MARIA ZAKHAROVA', 'Мария Захарова'],
      role: 'spokesperson',
    });
    // Trimmed; duplicates of another alias or of the name itself are dropped.
    expect(created).toMatchObject({
      name: 'Maria Zakharova',
      aliases: ['Zakharova', 'Мария Захарова'],
      kind: 'person',
      role: 'spokesperson',
      affiliation: '',
    });
    await makeEntity(b, 'Alexey Chepa');
    const names = (await call(b, 'entities:list', {})).map((e) => e.name);
    expect(names).toEqual(['Alexey Chepa', 'Maria Zakharova']);
  });

  it("refuses with conflict a name or alias that is another entity's name or alias", async () => {
    const b = await harness.start();
    await makeEntity(b, 'Maria Zakharova', 'person', ['Zakharova']);
    const byName = await failure(b, 'entities:create', { name: 'maria zakharova', kind: 'person' });
    expect(byName).toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('Maria Zakharova') as unknown,
    });
    const byAlias = await failure(b, 'entities:create', { name: 'ZAKHAROVA', kind: 'person' });
    expect(byAlias.code).toBe('conflict');
    const aliasClash = await failure(b, 'entities:create', {
      name: 'M. Zakharova',
      kind: 'person',
      aliases: ['Zakharova'],
    });
    expect(aliasClash.code).toBe('conflict');
    const other = await makeEntity(b, 'Alexey Chepa');
    const renamed = await failure(b, 'entities:update', { entityId: other, name: 'Zakharova' });
    expect(renamed.code).toBe('conflict');
    expect(await call(b, 'entities:list', {})).toHaveLength(2);
  });

  it('updates only the given fields of an entity', async () => {
    const b = await harness.start();
    const id = await makeEntity(b, 'Alexey Chepa', 'person', ['Chepa']);
    const before = (await call(b, 'entities:list', {}))[0];
    const updated = await call(b, 'entities:update', {
      entityId: id,
      role: 'deputy',
      affiliation: 'State Duma',
    });
    expect(updated).toEqual({
      ...before,
      role: 'deputy',
      affiliation: 'State Duma',
      updatedAt: updated.updatedAt,
    });
    // Keeping its own names is no conflict with itself.
    const renamed = await call(b, 'entities:update', {
      entityId: id,
      name: 'A. Chepa',
      aliases: ['Chepa', 'Alexey Chepa'],
    });
    expect(renamed).toMatchObject({
      name: 'A. Chepa',
      aliases: ['Chepa', 'Alexey Chepa'],
      role: 'deputy',
    });
  });

  it('merges: moves speaker, via and outlet references, folds names into aliases', async () => {
    const b = await harness.start();
    const caseId = await makeCase(b);
    const keep = await makeEntity(b, 'Radio Liberty', 'outlet', ['RFE/RL']);
    const dupe = await makeEntity(b, 'Radio Svoboda', 'outlet', ['Svoboda']);
    const galeotti = await makeEntity(b, 'Mark Galeotti');
    const doc = await addDocument(b, caseId, TEXT, { outlet: 'Svoboda' });
    expect(doc.outletId).toBe(dupe);
    // Via both duplicates: one intermediary once merged.
    const viaBoth = await capture(b, doc, TEXT, Q_MEANS, {
      attribution: { speakerId: galeotti, via: [dupe, keep] },
    });
    // Said by the duplicate, carried by the one kept: the via would repeat the speaker.
    const selfVia = await capture(b, doc, TEXT, Q_HONOUR, {
      attribution: { speakerId: dupe, via: [keep] },
    });
    const untouched = await capture(b, doc, TEXT, Q_BOMBERS);

    const kept = await call(b, 'entities:merge', { keepId: keep, mergeId: dupe });
    expect(kept).toMatchObject({
      id: keep,
      name: 'Radio Liberty',
      aliases: ['RFE/RL', 'Radio Svoboda', 'Svoboda'],
    });
    expect((await call(b, 'entities:list', {})).map((e) => e.id).sort()).toEqual(
      [keep, galeotti].sort(),
    );
    const claims = new Map((await call(b, 'claims:list', { caseId })).map((c) => [c.id, c]));
    expect(claims.get(viaBoth.id)?.attribution).toMatchObject({ speakerId: galeotti, via: [keep] });
    expect(claims.get(selfVia.id)?.attribution).toMatchObject({ speakerId: keep, via: [] });
    expect(claims.get(untouched.id)).toEqual(untouched);
    const { document } = await call(b, 'documents:get', { documentId: doc.id });
    expect(document.outletId).toBe(keep);
    // The merged entity's names now find the kept one.
    const again = await failure(b, 'entities:create', { name: 'svoboda', kind: 'outlet' });
    expect(again.code).toBe('conflict');
  });

  it('refuses to merge an entity into itself, and names a missing one', async () => {
    const b = await harness.start();
    const id = await makeEntity(b, 'Mark Galeotti');
    expect(await failure(b, 'entities:merge', { keepId: id, mergeId: id })).toMatchObject({
      code: 'invalid_input',
      field: 'mergeId',
    });
    expect(await failure(b, 'entities:merge', { keepId: id, mergeId: 'gone' })).toMatchObject({
      code: 'not_found',
      field: 'mergeId',
    });
    expect(await call(b, 'entities:list', {})).toHaveLength(1);
  });

  it('profiles an entity as speaker, intermediary and outlet, in date order', async () => {
    const b = await harness.start();
    const caseId = await makeCase(b, 'Venezuela');
    const liberty = await makeEntity(b, 'Radio Liberty', 'outlet');
    const galeotti = await makeEntity(b, 'Mark Galeotti');
    const zakharova = await makeEntity(b, 'Maria Zakharova');
    const doc = await addDocument(b, caseId, TEXT, {
      title: 'Digest',
      outlet: 'Radio Liberty',
      publishedAt: '2025-11-03',
    });
    const otherCase = await makeCase(b, 'Cuba');
    const otherText = 'Radio Liberty says nothing here about Caracas.';
    const other = await addDocument(b, otherCase, otherText, { title: 'Note' });

    const asOutlet = await capture(b, doc, TEXT, Q_BOMBERS);
    const asVia = await capture(b, doc, TEXT, Q_MEANS, {
      attribution: { speakerId: galeotti, via: [liberty], saidOn: '2025-10-01' },
    });
    const asSpeaker = await capture(b, other, otherText, 'nothing here', {
      attribution: { speakerId: liberty, saidOn: '2025-10-20' },
    });
    const onItsDocument = await capture(b, doc, TEXT, Q_HONOUR, {
      attribution: { speakerId: zakharova, saidOn: '2025-10-10' },
    });

    const profile = await call(b, 'entities:profile', { entityId: liberty });
    expect(profile.entity.id).toBe(liberty);
    // Created in another order; placed by the date said, else the date reported (3 November).
    expect(profile.claims.map((c) => [c.claim.id, c.role, c.documentTitle, c.caseTitle])).toEqual([
      [asVia.id, 'intermediary', 'Digest', 'Venezuela'],
      [onItsDocument.id, 'outlet', 'Digest', 'Venezuela'],
      [asSpeaker.id, 'speaker', 'Note', 'Cuba'],
      [asOutlet.id, 'outlet', 'Digest', 'Venezuela'],
    ]);
    expect(asOutlet.attribution.reportedOn).toBe('2025-11-03');
    const speaker = await call(b, 'entities:profile', { entityId: zakharova });
    expect(speaker.claims.map((c) => c.role)).toEqual(['speaker']);
  });
});
