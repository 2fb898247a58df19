import { afterEach, describe, expect, it } from 'vitest';
import type { Reliability } from '../../shared/grading/scales';
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
  'Mark Galeotti told Radio Liberty that Russia could offer little beyond diplomacy. ' +
  'Radio Svoboda reported that an Il-76 landed in Caracas.';
const Q_DIPLOMACY = 'Russia could offer little beyond diplomacy';
const Q_IL76 = 'an Il-76 landed in Caracas';

const grade = (b: Backend, entityId: string, reliability: Reliability) =>
  call(b, 'entities:update', { entityId, reliability });

async function seed(b: Backend) {
  const caseId = await makeCase(b);
  const galeotti = await makeEntity(b, 'Mark Galeotti');
  const liberty = await makeEntity(b, 'Radio Liberty', 'outlet');
  const svoboda = await makeEntity(b, 'Radio Svoboda', 'outlet');
  const doc = await addDocument(b, caseId, TEXT, { title: 'Digest' });
  return { caseId, galeotti, liberty, svoboda, doc };
}

describe('grades', () => {
  it('creates entities graded F by default or as given, and updates the grade', async () => {
    const b = await harness.start();
    const ungraded = await call(b, 'entities:create', { name: 'Alexey Chepa', kind: 'person' });
    expect(ungraded.reliability).toBe('F');
    const graded = await call(b, 'entities:create', {
      name: 'Mark Galeotti',
      kind: 'person',
      reliability: 'B',
    });
    expect(graded.reliability).toBe('B');
    const regraded = await grade(b, ungraded.id, 'D');
    expect(regraded).toMatchObject({ id: ungraded.id, name: 'Alexey Chepa', reliability: 'D' });
    // Another edit leaves the grade alone.
    const renamed = await call(b, 'entities:update', { entityId: ungraded.id, role: 'deputy' });
    expect(renamed.reliability).toBe('D');
    const listed = await call(b, 'entities:list', {});
    expect(listed.map((e) => [e.name, e.reliability])).toEqual([
      ['Alexey Chepa', 'D'],
      ['Mark Galeotti', 'B'],
    ]);
  });

  it('creates claims with credibility 6 by default or as given, and updates it', async () => {
    const b = await harness.start();
    const { doc } = await seed(b);
    const ungraded = await capture(b, doc, TEXT, Q_IL76);
    expect(ungraded.credibility).toBe(6);
    const graded = await capture(b, doc, TEXT, Q_DIPLOMACY, { credibility: 2 });
    expect(graded.credibility).toBe(2);
    const updated = await call(b, 'claims:update', { claimId: ungraded.id, credibility: 3 });
    expect(updated.credibility).toBe(3);
    const untouched = await call(b, 'claims:update', { claimId: ungraded.id, notes: 'One site.' });
    expect(untouched.credibility).toBe(3);
  });

  it('sets reliability overrides on an attribution, replacing the whole map on update', async () => {
    const b = await harness.start();
    const { galeotti, liberty, doc } = await seed(b);
    const claim = await capture(b, doc, TEXT, Q_DIPLOMACY, {
      attribution: {
        speakerId: galeotti,
        via: [liberty],
        reliabilityOverrides: { [galeotti]: 'A' },
      },
    });
    expect(claim.attribution.reliabilityOverrides).toEqual({ [galeotti]: 'A' });
    const updated = await call(b, 'claims:update', {
      claimId: claim.id,
      attribution: { reliabilityOverrides: { [liberty]: 'C' } },
    });
    expect(updated.attribution).toMatchObject({
      speakerId: galeotti,
      via: [liberty],
      reliabilityOverrides: { [liberty]: 'C' },
    });
    // An attribution change that does not mention the overrides keeps them.
    const cued = await call(b, 'claims:update', {
      claimId: claim.id,
      attribution: { cue: 'told' },
    });
    expect(cued.attribution.reliabilityOverrides).toEqual({ [liberty]: 'C' });
    const cleared = await call(b, 'claims:update', {
      claimId: claim.id,
      attribution: { reliabilityOverrides: {} },
    });
    expect(cleared.attribution.reliabilityOverrides).toEqual({});
  });

  it('refuses an override for an unknown entity with not_found naming the field', async () => {
    const b = await harness.start();
    const { galeotti, doc } = await seed(b);
    const claim = await capture(b, doc, TEXT, Q_DIPLOMACY, {
      attribution: { speakerId: galeotti },
    });
    const input = { attribution: { reliabilityOverrides: { 'no-such-entity': 'B' } } };
    const onUpdate = await failure(b, 'claims:update', { claimId: claim.id, ...input });
    expect(onUpdate).toMatchObject({
      code: 'not_found',
      field: 'attribution.reliabilityOverrides',
    });
    const start = TEXT.indexOf(Q_IL76);
    const onCreate = await failure(b, 'claims:create', {
      documentId: doc.id,
      start,
      end: start + Q_IL76.length,
      exact: Q_IL76,
      ...input,
    });
    expect(onCreate).toMatchObject({
      code: 'not_found',
      field: 'attribution.reliabilityOverrides',
    });
    const [stored] = await call(b, 'claims:list', { caseId: claim.caseId });
    expect(stored?.attribution.reliabilityOverrides).toEqual({});
  });

  it('merge moves an override keyed on the merged entity to the kept one', async () => {
    const b = await harness.start();
    const { galeotti, liberty, svoboda, doc } = await seed(b);
    const carried = await capture(b, doc, TEXT, Q_DIPLOMACY, {
      attribution: {
        speakerId: galeotti,
        via: [svoboda],
        reliabilityOverrides: { [svoboda]: 'C' },
      },
    });
    // Overrides apply to a claim's own carriers; the merged one is re-keyed with the rest.
    const graded = await capture(b, doc, TEXT, Q_IL76, {
      attribution: {
        speakerId: galeotti,
        via: [svoboda],
        reliabilityOverrides: { [svoboda]: 'E', [galeotti]: 'B' },
      },
    });
    await call(b, 'entities:merge', { keepId: liberty, mergeId: svoboda });
    const claims = await call(b, 'claims:list', { caseId: carried.caseId });
    const byId = new Map(claims.map((c) => [c.id, c.attribution]));
    expect(byId.get(carried.id)).toMatchObject({
      via: [liberty],
      reliabilityOverrides: { [liberty]: 'C' },
    });
    expect(byId.get(graded.id)?.reliabilityOverrides).toEqual({ [liberty]: 'E', [galeotti]: 'B' });
  });

  it("merge keeps the kept entity's grade unless it is F, then takes the merged one's", async () => {
    const b = await harness.start();
    /** Merges an outlet graded `dupe` into one graded `keep`; the grade the kept one ends with. */
    const merge = async (keep: Reliability, dupe: Reliability, n: number) => {
      const kept = await call(b, 'entities:create', { name: `Kept ${n}`, kind: 'outlet' });
      await grade(b, kept.id, keep);
      const merged = await call(b, 'entities:create', { name: `Dupe ${n}`, kind: 'outlet' });
      await grade(b, merged.id, dupe);
      return (await call(b, 'entities:merge', { keepId: kept.id, mergeId: merged.id })).reliability;
    };
    expect(await merge('B', 'D', 1)).toBe('B');
    expect(await merge('B', 'A', 2)).toBe('B');
    expect(await merge('F', 'C', 3)).toBe('C');
    expect(await merge('F', 'F', 4)).toBe('F');
    const stored = await call(b, 'entities:list', {});
    expect(stored.map((e) => [e.name, e.reliability])).toEqual([
      ['Kept 1', 'B'],
      ['Kept 2', 'B'],
      ['Kept 3', 'C'],
      ['Kept 4', 'F'],
    ]);
  });

  // Regression: overrides on both the kept and the merged entity once resolved by the order
  // they were set in; the kept entity's own override now wins, like its default grade.
  it('merge resolves overrides on both entities the same way whatever order they were set in', async () => {
    const b = await harness.start();
    const { liberty, svoboda, doc } = await seed(b);
    const keptFirst = await capture(b, doc, TEXT, Q_DIPLOMACY, {
      attribution: {
        via: [svoboda, liberty],
        reliabilityOverrides: { [liberty]: 'A', [svoboda]: 'E' },
      },
    });
    const mergedFirst = await capture(b, doc, TEXT, Q_IL76, {
      attribution: {
        via: [svoboda, liberty],
        reliabilityOverrides: { [svoboda]: 'E', [liberty]: 'A' },
      },
    });
    await call(b, 'entities:merge', { keepId: liberty, mergeId: svoboda });
    const claims = await call(b, 'claims:list', { caseId: keptFirst.caseId });
    const overrides = (id: string) =>
      claims.find((c) => c.id === id)?.attribution.reliabilityOverrides;
    // Today: { liberty: 'E' } for the first claim, { liberty: 'A' } for the second.
    expect(overrides(keptFirst.id)).toEqual(overrides(mergedFirst.id));
  });

  it('records credibility and override changes in the claim history', async () => {
    const b = await harness.start();
    const { liberty, doc } = await seed(b);
    const claim = await capture(b, doc, TEXT, Q_IL76, { credibility: 4 });
    const created = await call(b, 'claims:history', { claimId: claim.id });
    expect(created[0]?.changes).toContainEqual({ field: 'credibility', from: '', to: '4' });
    await call(b, 'claims:update', { claimId: claim.id, credibility: 2 });
    await call(b, 'claims:update', {
      claimId: claim.id,
      attribution: { via: [liberty], reliabilityOverrides: { [liberty]: 'C' } },
    });
    const history = await call(b, 'claims:history', { claimId: claim.id });
    const edits = history.filter((h) => h.action === 'edited').map((h) => h.changes);
    expect(edits).toEqual([
      [{ field: 'credibility', from: '4', to: '2' }],
      [
        { field: 'via', from: '', to: 'Radio Liberty' },
        { field: 'reliability set here', from: '', to: 'Radio Liberty: C' },
      ],
    ]);
  });
});
