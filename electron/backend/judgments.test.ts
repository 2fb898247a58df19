import { afterEach, describe, expect, it } from 'vitest';
import type { Channel } from '../../shared/contract/channels';
import type { Judgment } from '../../shared/domain/schemas';
import type { Backend } from './backend';
import { seedEvidenceCase } from './testing/evidence';
import { backendHarness, call, failure, makeEntity } from './testing/harness';

/** The judgments of a case as stored (judgments:list adds each one's warnings, tested apart). */
async function listJudgments(b: Backend, caseId: string): Promise<Judgment[]> {
  return (await call(b, 'judgments:list', { caseId })).map(({ warnings: _w, ...j }) => j);
}

const harness = backendHarness();
afterEach(() => harness.cleanup());

const STATEMENT = 'Russia is unlikely to send troops to defend the Maduro government.';

const judge = (b: Backend, caseId: string, statement = STATEMENT) =>
  call(b, 'judgments:create', { caseId, statement, likelihood: 'unlikely', confidence: 'low' });

describe('key judgments', () => {
  it('creates a judgment with its likelihood, confidence and basis', async () => {
    const b = await harness.start();
    const { caseId, claims } = await seedEvidenceCase(b);
    const basis = [
      { claimId: claims.diplomacy.id, relation: 'supports' as const },
      { claimId: claims.troops.id, relation: 'supports' as const },
      { claimId: claims.help.id, relation: 'contradicts' as const },
    ];
    const created = await call(b, 'judgments:create', {
      caseId,
      statement: `  ${STATEMENT} `,
      likelihood: 'unlikely',
      confidence: 'moderate',
      basis,
    });
    expect(created).toMatchObject({
      caseId,
      statement: STATEMENT,
      likelihood: 'unlikely',
      confidence: 'moderate',
      basis,
      order: 0,
    });
    expect(created.createdAt).toBe(created.updatedAt);
    expect(await listJudgments(b, caseId)).toEqual([created]);
  });

  it('keeps one basis entry per claim, the last one given', async () => {
    const b = await harness.start();
    const { caseId, claims } = await seedEvidenceCase(b);
    const created = await call(b, 'judgments:create', {
      caseId,
      statement: STATEMENT,
      likelihood: 'unlikely',
      confidence: 'low',
      basis: [
        { claimId: claims.diplomacy.id, relation: 'supports' },
        { claimId: claims.help.id, relation: 'contradicts' },
        { claimId: claims.diplomacy.id, relation: 'supports' },
        { claimId: claims.help.id, relation: 'supports' },
      ],
    });
    expect(created.basis).toEqual([
      { claimId: claims.diplomacy.id, relation: 'supports' },
      { claimId: claims.help.id, relation: 'supports' },
    ]);
  });

  it('refuses a basis with a claim of another case', async () => {
    const b = await harness.start();
    const { caseId, claims, foreign } = await seedEvidenceCase(b);
    const error = await failure(b, 'judgments:create', {
      caseId,
      statement: STATEMENT,
      likelihood: 'unlikely',
      confidence: 'low',
      basis: [
        { claimId: claims.diplomacy.id, relation: 'supports' },
        { claimId: foreign.id, relation: 'supports' },
      ],
    });
    expect(error).toMatchObject({ code: 'invalid_input', field: 'basis' });
    expect(await listJudgments(b, caseId)).toEqual([]);
    const created = await judge(b, caseId);
    const onUpdate = await failure(b, 'judgments:update', {
      judgmentId: created.id,
      basis: [{ claimId: foreign.id, relation: 'contradicts' }],
    });
    expect(onUpdate).toMatchObject({ code: 'invalid_input', field: 'basis' });
    expect(await listJudgments(b, caseId)).toEqual([created]);
  });

  it('refuses a grade outside its scale with invalid_input naming the field', async () => {
    const b = await harness.start();
    const { caseId, claims } = await seedEvidenceCase(b);
    const entityId = await makeEntity(b, 'Mark Galeotti');
    const judgment = { caseId, statement: STATEMENT, likelihood: 'unlikely', confidence: 'low' };
    const refused: [Channel, unknown, string][] = [
      ['judgments:create', { ...judgment, likelihood: 'certain' }, 'likelihood'],
      ['judgments:create', { ...judgment, confidence: 'very high' }, 'confidence'],
      ['claims:update', { claimId: claims.il76.id, credibility: 7 }, 'credibility'],
      ['entities:update', { entityId, reliability: 'G' }, 'reliability'],
      ['entities:create', { name: 'Someone', kind: 'person', reliability: 'G' }, 'reliability'],
    ];
    for (const [channel, input, field] of refused) {
      const error = await failure(b, channel, input);
      expect(error, channel).toMatchObject({ code: 'invalid_input', field });
      expect(error.message, channel).toContain(`${field}:`);
    }
    expect(await listJudgments(b, caseId)).toEqual([]);
  });

  it('updates the statement, the likelihood and the order', async () => {
    const b = await harness.start();
    const { caseId } = await seedEvidenceCase(b);
    const created = await judge(b, caseId);
    const reworded = await call(b, 'judgments:update', {
      judgmentId: created.id,
      statement: 'Russia will likely not send troops.',
      likelihood: 'likely',
    });
    expect(reworded).toMatchObject({
      statement: 'Russia will likely not send troops.',
      likelihood: 'likely',
      confidence: 'low',
      order: 0,
    });
    const moved = await call(b, 'judgments:update', { judgmentId: created.id, order: 3 });
    expect(moved).toMatchObject({ statement: reworded.statement, likelihood: 'likely', order: 3 });
    expect(await listJudgments(b, caseId)).toEqual([moved]);
    const missing = await failure(b, 'judgments:update', { judgmentId: 'nope', order: 1 });
    expect(missing).toMatchObject({ code: 'not_found', field: 'judgmentId' });
  });

  it('deletes a judgment', async () => {
    const b = await harness.start();
    const { caseId } = await seedEvidenceCase(b);
    const kept = await judge(b, caseId, 'First.');
    const gone = await judge(b, caseId, 'Second.');
    const deleted = await call(b, 'judgments:delete', { judgmentId: gone.id });
    expect(deleted).toEqual({ judgmentId: gone.id });
    expect(await listJudgments(b, caseId)).toEqual([kept]);
    expect((await failure(b, 'judgments:delete', { judgmentId: gone.id })).code).toBe('not_found');
  });

  it('lists the judgments of a case sorted by order, new ones last', async () => {
    const b = await harness.start();
    const { caseId, foreignCaseId } = await seedEvidenceCase(b);
    const first = await judge(b, caseId, 'First.');
    const second = await judge(b, caseId, 'Second.');
    const third = await judge(b, caseId, 'Third.');
    await judge(b, foreignCaseId, 'Elsewhere.');
    expect([first.order, second.order, third.order]).toEqual([0, 1, 2]);
    await call(b, 'judgments:update', { judgmentId: first.id, order: 5 });
    await call(b, 'judgments:update', { judgmentId: third.id, order: 0 });
    const listed = await listJudgments(b, caseId);
    expect(listed.map((j) => j.statement)).toEqual(['Third.', 'Second.', 'First.']);
    expect(listed.map((j) => j.order)).toEqual([0, 1, 5]);
  });

  it('allows a judgment with an empty basis (the UI warns) and stores basis []', async () => {
    const b = await harness.start();
    const { caseId } = await seedEvidenceCase(b);
    const created = await judge(b, caseId);
    expect(created.basis).toEqual([]);
    const [stored] = await listJudgments(b, caseId);
    expect(stored?.basis).toEqual([]);
    const emptied = await call(b, 'judgments:update', { judgmentId: created.id, basis: [] });
    expect(emptied.basis).toEqual([]);
  });
});
