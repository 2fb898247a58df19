import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from './backend';
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
  'Flight trackers saw two bombers land in Caracas.';
const QUOTE = 'Moscow lacks the means to intervene';
const UNSOURCED = 'two bombers land in Caracas';

async function seed(b: Backend) {
  const caseId = await makeCase(b);
  const galeotti = await makeEntity(b, 'Mark Galeotti', 'person', ['Galeotti']);
  const liberty = await makeEntity(b, 'Radio Liberty', 'outlet', ['Radio Svoboda']);
  const doc = await addDocument(b, caseId, TEXT, { publishedAt: '2025-11-03' });
  return { caseId, galeotti, liberty, doc };
}

describe('claims with attribution', () => {
  it('stores speaker, via, cue and dates, with reportedOn defaulting to publishedAt', async () => {
    const b = await harness.start();
    const { galeotti, liberty, doc } = await seed(b);
    const claim = await capture(b, doc, TEXT, QUOTE, {
      attribution: { speakerId: galeotti, via: [liberty], cue: ' told ', saidOn: '2025-11-01' },
    });
    expect(claim.attribution).toEqual({
      speakerId: galeotti,
      via: [liberty],
      cue: 'told',
      saidOn: '2025-11-01',
      reportedOn: '2025-11-03',
      reliabilityOverrides: {},
    });
    const dated = await capture(b, doc, TEXT, UNSOURCED, {
      attribution: { reportedOn: '2025-11-04' },
    });
    expect(dated.attribution.reportedOn).toBe('2025-11-04');
  });

  it('defaults kind to indirect_speech with a speaker and unattributed without', async () => {
    const b = await harness.start();
    const { galeotti, doc } = await seed(b);
    const spoken = await capture(b, doc, TEXT, QUOTE, { attribution: { speakerId: galeotti } });
    expect(spoken).toMatchObject({ kind: 'indirect_speech', status: 'unverified', tags: [] });
    const anonymous = await capture(b, doc, TEXT, UNSOURCED);
    expect(anonymous.kind).toBe('unattributed');
    expect(anonymous.attribution).toEqual({
      speakerId: null,
      via: [],
      cue: '',
      saidOn: '',
      reportedOn: '2025-11-03',
      reliabilityOverrides: {},
    });
    const chosen = await capture(b, doc, TEXT, 'Galeotti', {
      kind: 'direct_quote',
      attribution: { speakerId: galeotti },
    });
    expect(chosen.kind).toBe('direct_quote');
  });

  it('refuses an unknown speaker with not_found on attribution.speakerId', async () => {
    const b = await harness.start();
    const { caseId, doc } = await seed(b);
    const start = TEXT.indexOf(QUOTE);
    const error = await failure(b, 'claims:create', {
      documentId: doc.id,
      start,
      end: start + QUOTE.length,
      exact: QUOTE,
      attribution: { speakerId: 'nobody' },
    });
    expect(error).toMatchObject({ code: 'not_found', field: 'attribution.speakerId' });
    expect(await call(b, 'claims:list', { caseId })).toEqual([]);
  });

  it('refuses a speaker who is also in via with invalid_input on attribution.via', async () => {
    const b = await harness.start();
    const { caseId, galeotti, liberty, doc } = await seed(b);
    const start = TEXT.indexOf(QUOTE);
    const error = await failure(b, 'claims:create', {
      documentId: doc.id,
      start,
      end: start + QUOTE.length,
      exact: QUOTE,
      attribution: { speakerId: galeotti, via: [liberty, galeotti] },
    });
    expect(error).toMatchObject({ code: 'invalid_input', field: 'attribution.via' });
    expect(await call(b, 'claims:list', { caseId })).toEqual([]);
    // The same check holds when an update makes the via's entity the speaker.
    const claim = await capture(b, doc, TEXT, QUOTE, { attribution: { via: [liberty] } });
    const update = await failure(b, 'claims:update', {
      claimId: claim.id,
      attribution: { speakerId: liberty },
    });
    expect(update).toMatchObject({ code: 'invalid_input', field: 'attribution.via' });
  });

  it('claims:update changes only the fields given, attribution field by field', async () => {
    const b = await harness.start();
    const { caseId, galeotti, liberty, doc } = await seed(b);
    const claim = await capture(b, doc, TEXT, QUOTE, {
      text: 'Russia cannot intervene',
      tags: ['capability'],
      notes: 'Check the interview.',
      attribution: { speakerId: galeotti, via: [liberty], cue: 'told', saidOn: '2025-11-01' },
    });
    const status = await call(b, 'claims:update', { claimId: claim.id, status: 'disputed' });
    expect(status).toEqual({ ...claim, status: 'disputed', updatedAt: status.updatedAt });
    const cue = await call(b, 'claims:update', {
      claimId: claim.id,
      attribution: { cue: 'according to' },
    });
    expect(cue).toEqual({
      ...status,
      attribution: { ...claim.attribution, cue: 'according to' },
      updatedAt: cue.updatedAt,
    });
    const cleared = await call(b, 'claims:update', {
      claimId: claim.id,
      attribution: { speakerId: null, via: [] },
    });
    expect(cleared.attribution).toEqual({ ...cue.attribution, speakerId: null, via: [] });
    expect(cleared.kind).toBe('indirect_speech');
    expect(await call(b, 'claims:list', { caseId })).toEqual([cleared]);
  });

  it('de-duplicates tags on create and on update', async () => {
    const b = await harness.start();
    const { doc } = await seed(b);
    const claim = await capture(b, doc, TEXT, QUOTE, {
      tags: ['troops', ' troops ', 'capability', 'troops'],
    });
    expect(claim.tags).toEqual(['troops', 'capability']);
    const updated = await call(b, 'claims:update', {
      claimId: claim.id,
      tags: ['bombers', 'bombers ', 'troops'],
    });
    expect(updated.tags).toEqual(['bombers', 'troops']);
  });

  it('documents:create makes an outlet entity for a new outlet name', async () => {
    const b = await harness.start();
    const caseId = await makeCase(b);
    const doc = await addDocument(b, caseId, TEXT, { outlet: 'Lenta.ru' });
    const entities = await call(b, 'entities:list', {});
    expect(entities).toHaveLength(1);
    expect(entities[0]).toMatchObject({ id: doc.outletId, name: 'Lenta.ru', kind: 'outlet' });
    expect(doc.outlet).toBe('Lenta.ru');
    // The same outlet again, differently written: the entity is reused.
    const second = await addDocument(b, caseId, `${TEXT} More.`, { outlet: 'LENTA.RU' });
    expect(second.outletId).toBe(doc.outletId);
    expect(await call(b, 'entities:list', {})).toHaveLength(1);
    const none = await addDocument(b, caseId, `${TEXT} Unsourced.`);
    expect(none.outletId).toBeNull();
  });

  it('documents:create reuses an entity found by alias, ignoring case', async () => {
    const b = await harness.start();
    const { caseId, liberty } = await seed(b);
    const doc = await addDocument(b, caseId, `${TEXT} Again.`, { outlet: 'radio svoboda' });
    expect(doc.outletId).toBe(liberty);
    expect(await call(b, 'entities:list', {})).toHaveLength(2);
  });
});
