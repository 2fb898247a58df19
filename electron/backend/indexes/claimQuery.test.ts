/**
 * The claim list's search and filters as the backend answers them from its indexes: words of
 * the claim first, then claims found by the names of who said or carried them, kept right as
 * entities are renamed or given aliases and as a document's outlet changes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../backend';
import {
  addDocument,
  backendHarness,
  call,
  capture,
  makeCase,
  makeEntity,
} from '../testing/harness';

const harness = backendHarness();
afterEach(() => harness.cleanup());

const TEXT =
  'The harbour master said the new quay opens in May. A ferry operator warned that fares would rise. ' +
  'Residents doubted the May date.';

async function seed(b: Backend) {
  const caseId = await makeCase(b, 'Harbour');
  const gazette = await makeEntity(b, 'Coastal Gazette', 'outlet');
  const master = await makeEntity(b, 'Ingrid Solberg', 'person');
  const operator = await makeEntity(b, 'Nordlys Ferries', 'company');
  const document = await addDocument(b, caseId, TEXT, { outlet: 'Coastal Gazette' });
  const quay = await capture(b, document, TEXT, 'the new quay opens in May', {
    attribution: { speakerId: master },
  });
  const fares = await capture(b, document, TEXT, 'fares would rise', {
    attribution: { speakerId: operator, via: [gazette] },
  });
  const doubt = await capture(b, document, TEXT, 'Residents doubted the May date');
  return { caseId, gazette, master, operator, document, quay, fares, doubt };
}

async function found(b: Backend, caseId: string, query: string): Promise<string[]> {
  const page = await call(b, 'claims:query', { caseId, filter: { query }, offset: 0, limit: 50 });
  return page.rows.map((r) => r.claim.text);
}

describe('claims:query', () => {
  it('lists claims whose own words match before claims found by a name', async () => {
    const b = await harness.start();
    const { caseId } = await seed(b);
    // "may" is in two claims' words; no name holds it.
    expect(await found(b, caseId, 'may')).toEqual([
      'the new quay opens in May',
      'Residents doubted the May date',
    ]);
    // "solberg" is only a speaker's name; "sol" finds it as it is typed.
    expect(await found(b, caseId, 'sol')).toEqual(['the new quay opens in May']);
    expect(await found(b, caseId, 'solbarg')).toEqual(['the new quay opens in May']);
  });

  it('finds claims by the outlet that published their document, and follows its renaming', async () => {
    const b = await harness.start();
    const { caseId, gazette } = await seed(b);
    expect(await found(b, caseId, 'gazette')).toHaveLength(3);
    await call(b, 'entities:update', { entityId: gazette, name: 'Harbour Courier' });
    expect(await found(b, caseId, 'gazette')).toEqual([]);
    expect(await found(b, caseId, 'courier')).toHaveLength(3);
  });

  it('finds a speaker by an alias added later, and no longer by a name taken away', async () => {
    const b = await harness.start();
    const { caseId, master } = await seed(b);
    expect(await found(b, caseId, 'harbourmaster')).toEqual([]);
    await call(b, 'entities:update', { entityId: master, aliases: ['Harbourmaster'] });
    expect(await found(b, caseId, 'harbourmaster')).toEqual(['the new quay opens in May']);
    await call(b, 'entities:update', { entityId: master, name: 'I. Solberg-Dahl', aliases: [] });
    expect(await found(b, caseId, 'harbourmaster')).toEqual([]);
    expect(await found(b, caseId, 'dahl')).toEqual(['the new quay opens in May']);
  });

  it('follows a claim given another speaker, and an undo of it', async () => {
    const b = await harness.start();
    const { caseId, operator, quay } = await seed(b);
    await call(b, 'claims:update', { claimId: quay.id, attribution: { speakerId: operator } });
    expect(await found(b, caseId, 'nordlys')).toEqual([
      'the new quay opens in May',
      'fares would rise',
    ]);
    expect(await found(b, caseId, 'solberg')).toEqual([]);
    await call(b, 'edit:undo', {});
    expect(await found(b, caseId, 'solberg')).toEqual(['the new quay opens in May']);
  });

  it('filters by speaker and by outlet (an intermediary or the document outlet)', async () => {
    const b = await harness.start();
    const { caseId, master, gazette } = await seed(b);
    const bySpeaker = await call(b, 'claims:query', {
      caseId,
      filter: { speakerId: master },
      offset: 0,
      limit: 50,
    });
    expect(bySpeaker.rows.map((r) => r.claim.text)).toEqual(['the new quay opens in May']);
    const byOutlet = await call(b, 'claims:query', {
      caseId,
      filter: { outletId: gazette },
      offset: 0,
      limit: 50,
    });
    expect(byOutlet.matched).toBe(3);
    const facets = await call(b, 'claims:facets', { caseId });
    expect(facets.outlets.find((o) => o.id === gazette)?.count).toBe(3);
  });

  it('locates a claim in the searched list, or says it is not in it', async () => {
    const b = await harness.start();
    const { caseId, doubt, fares } = await seed(b);
    expect(await call(b, 'claims:locate', { caseId, filter: {}, claimId: doubt.id })).toEqual({
      index: 2,
    });
    expect(
      await call(b, 'claims:locate', { caseId, filter: { query: 'may' }, claimId: doubt.id }),
    ).toEqual({ index: 1 });
    expect(
      await call(b, 'claims:locate', { caseId, filter: { query: 'may' }, claimId: fares.id }),
    ).toEqual({ index: null });
  });
});
