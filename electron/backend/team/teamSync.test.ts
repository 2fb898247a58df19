/**
 * Two desks and one team database (issue 14), through the backend's own calls: share, join,
 * edits both ways, a conflict and its resolution, a reader refused by the database, a
 * non-member refused a read (checked with a raw connection as that member).
 */
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../backend';
import { addDocument, backendHarness, call, capture, failure, makeCase } from '../testing/harness';
import type { PgCluster } from '../testing/pgCluster';
import { startTeamCluster } from '../testing/teamCluster';

const TEXT =
  'The harbour authority said on Monday that the new terminal would open in March. ' +
  'A union spokesperson disputed the date and said work had stopped twice since autumn.';

let cluster: PgCluster;
const url: Record<string, string> = {};

beforeAll(async () => {
  const team = await startTeamCluster(['alice', 'bob', 'carol', 'dave']);
  cluster = team.cluster;
  for (const name of ['alice', 'bob', 'carol', 'dave']) url[name] = team.url(name);
}, 60_000);

afterAll(async () => {
  await cluster?.stop();
});

const harness = backendHarness();
afterEach(() => harness.cleanup());

/** Rounds on both desks until neither has anything waiting (a pull may bring a merge back). */
async function settle(caseId: string, ...desks: Backend[]): Promise<void> {
  for (let i = 0; i < 3; i++) {
    for (const desk of desks) await call(desk, 'team:sync', { caseId });
  }
}

async function sharedCase(): Promise<{
  alice: Backend;
  bob: Backend;
  caseId: string;
  claimId: string;
}> {
  const alice = await harness.start();
  const bob = await harness.start();
  const caseId = await makeCase(alice, 'Harbour terminal');
  const document = await addDocument(alice, caseId, TEXT, { outlet: 'Coast Herald' });
  const claim = await capture(alice, document, TEXT, 'the new terminal would open in March');
  const shared = await call(alice, 'team:share', { caseId, connection: url.alice ?? '' });
  expect(shared).toMatchObject({ state: 'synced', role: 'owner', waiting: 0 });
  await call(alice, 'team:setMember', { caseId, member: 'bob', role: 'analyst' });
  const joined = await call(bob, 'team:join', { caseId, connection: url.bob ?? '' });
  expect(joined).toMatchObject({ state: 'synced', role: 'analyst' });
  return { alice, bob, caseId, claimId: claim.id };
}

describe('team cases', () => {
  it('a joined case arrives whole: the case, its document with its text, claims and history', async () => {
    const { bob, caseId, claimId } = await sharedCase();
    const cases = await call(bob, 'cases:list', {});
    expect(cases.map((c) => c.id)).toContain(caseId);
    const [document] = await call(bob, 'documents:list', { caseId });
    expect(document?.outlet).toBe('Coast Herald');
    const withText = await call(bob, 'documents:get', { documentId: document?.id ?? '' });
    expect(withText.text).toBe(TEXT);
    const [row] = await call(bob, 'claims:get', { claimIds: [claimId] });
    expect(row?.claim.text).toBe('the new terminal would open in March');
    const history = await call(bob, 'claims:history', { claimId });
    expect(history.map((h) => h.action)).toEqual(['created']);
  });

  it('edits to different fields of one claim on two desks both survive, with who made them', async () => {
    const { alice, bob, caseId, claimId } = await sharedCase();
    await call(alice, 'team:pause', { caseId, paused: true });
    await call(bob, 'team:pause', { caseId, paused: true });
    await call(alice, 'claims:update', { claimId, status: 'disputed' });
    await call(bob, 'claims:update', { claimId, notes: 'Union says work stopped twice.' });
    expect((await call(bob, 'team:status', {}))[0]).toMatchObject({ state: 'paused', waiting: 1 });
    await call(alice, 'team:pause', { caseId, paused: false });
    await call(bob, 'team:pause', { caseId, paused: false });
    await settle(caseId, alice, bob);
    for (const desk of [alice, bob]) {
      const [row] = await call(desk, 'claims:get', { claimIds: [claimId] });
      expect(row?.claim).toMatchObject({
        status: 'disputed',
        notes: 'Union says work stopped twice.',
      });
      expect(await call(desk, 'team:conflicts', { caseId })).toEqual([]);
    }
    const history = await call(alice, 'claims:history', { claimId });
    const edits = history.filter((h) => h.action === 'edited');
    // Each edit carries the login its author has in the team database.
    expect(edits.map((h) => h.by).sort()).toEqual(['alice', 'bob']);
  });

  it('the same field changed on both desks keeps the first value pushed and lists the other, which the analyst can pick', async () => {
    const { alice, bob, caseId, claimId } = await sharedCase();
    await call(alice, 'team:pause', { caseId, paused: true });
    await call(bob, 'team:pause', { caseId, paused: true });
    await call(alice, 'claims:update', { claimId, status: 'corroborated' });
    await call(bob, 'claims:update', { claimId, status: 'refuted' });
    await call(alice, 'team:pause', { caseId, paused: false });
    await call(bob, 'team:pause', { caseId, paused: false });
    await settle(caseId, alice, bob);
    for (const desk of [alice, bob]) {
      const [row] = await call(desk, 'claims:get', { claimIds: [claimId] });
      expect(row?.claim.status).toBe('corroborated');
    }
    const [conflict] = await call(bob, 'team:conflicts', { caseId });
    expect(conflict).toMatchObject({
      kind: 'fields',
      claimId,
      fields: ['status'],
      kept: { status: 'corroborated' },
      proposed: { status: 'refuted' },
      proposedBy: 'bob',
    });
    expect((await call(bob, 'team:status', {}))[0]?.state).toBe('conflict');
    await call(bob, 'team:resolve', { caseId, conflictId: conflict?.id ?? 0, choice: 'proposed' });
    await settle(caseId, bob, alice);
    for (const desk of [alice, bob]) {
      const [row] = await call(desk, 'claims:get', { claimIds: [claimId] });
      expect(row?.claim.status).toBe('refuted');
      expect(await call(desk, 'team:conflicts', { caseId })).toEqual([]);
    }
  });

  it('a delete against an edit is a conflict: the edited claim stays', async () => {
    const { alice, bob, caseId, claimId } = await sharedCase();
    await call(alice, 'team:pause', { caseId, paused: true });
    await call(bob, 'team:pause', { caseId, paused: true });
    await call(alice, 'claims:update', { claimId, status: 'corroborated' });
    await call(bob, 'claims:delete', { claimId });
    await call(alice, 'team:pause', { caseId, paused: false });
    await call(bob, 'team:pause', { caseId, paused: false });
    await settle(caseId, alice, bob);
    const [row] = await call(bob, 'claims:get', { claimIds: [claimId] });
    expect(row?.claim.status).toBe('corroborated');
    const conflicts = await call(alice, 'team:conflicts', { caseId });
    expect(conflicts.map((c) => c.kind)).toContain('deleted-edited');
  });

  it('a reader is refused a write by the database, and a non-member cannot read the case at all', async () => {
    const { alice, caseId, claimId } = await sharedCase();
    await call(alice, 'team:setMember', { caseId, member: 'carol', role: 'reader' });
    const carol = await harness.start();
    await call(carol, 'team:join', { caseId, connection: url.carol ?? '' });
    await call(carol, 'claims:update', { claimId, status: 'refuted' });
    const status = await call(carol, 'team:sync', { caseId });
    expect(status).toMatchObject({ state: 'refused', role: 'reader', waiting: 1 });
    expect(status.message).toMatch(/only read/);
    // Straight to the database as carol, past the app: refused by row-level security.
    const asCarol = new pg.Client({ connectionString: url.carol });
    await asCarol.connect();
    await expect(
      asCarol.query(
        `UPDATE claimdesk.records SET value = value || '{"status":"refuted"}' WHERE case_id = $1 AND record_id = $2 RETURNING 1`,
        [caseId, claimId],
      ),
    ).rejects.toMatchObject({ code: '42501' });
    await asCarol.end();
    const dave = await harness.start();
    const refused = await failure(dave, 'team:join', { caseId, connection: url.dave });
    expect(refused.code).toBe('forbidden');
    const asDave = new pg.Client({ connectionString: url.dave });
    await asDave.connect();
    const seen = await asDave.query(
      'SELECT count(*)::int AS n FROM claimdesk.records WHERE case_id = $1',
      [caseId],
    );
    expect(seen.rows[0]).toEqual({ n: 0 });
    const texts = await asDave.query('SELECT count(*)::int AS n FROM claimdesk.texts');
    expect(texts.rows[0]).toEqual({ n: 0 });
    await asDave.end();
    const admin = await cluster.sql<{ n: number }>(
      "SELECT count(*)::int AS n FROM claimdesk.records WHERE case_id = $1 AND value->>'status' = 'refuted'",
      [caseId],
    );
    expect(admin[0]?.n).toBe(0);
  });

  it('an undo takes back only what the analyst changed, not a teammate’s edit pulled since', async () => {
    const { alice, bob, caseId, claimId } = await sharedCase();
    await call(alice, 'claims:update', { claimId, notes: 'Alice checked the port log.' });
    await settle(caseId, alice, bob);
    await call(bob, 'claims:update', { claimId, status: 'disputed' });
    await settle(caseId, bob, alice);
    await call(alice, 'edit:undo', {});
    await settle(caseId, alice, bob);
    for (const desk of [alice, bob]) {
      const [row] = await call(desk, 'claims:get', { claimIds: [claimId] });
      expect(row?.claim).toMatchObject({ notes: '', status: 'disputed' });
    }
  });

  it('a case joined again after changes made while it was not synced files them as conflicts', async () => {
    const { alice, bob, caseId, claimId } = await sharedCase();
    await call(bob, 'team:leave', { caseId });
    await call(bob, 'claims:update', { claimId, status: 'refuted' });
    await call(alice, 'claims:update', { claimId, status: 'corroborated' });
    await settle(caseId, alice);
    await call(bob, 'team:join', { caseId, connection: url.bob ?? '' });
    await settle(caseId, bob, alice);
    const [row] = await call(bob, 'claims:get', { claimIds: [claimId] });
    expect(row?.claim.status).toBe('corroborated');
    const conflicts = await call(bob, 'team:conflicts', { caseId });
    expect(conflicts.find((c) => c.recordId === claimId)).toMatchObject({
      fields: ['status'],
      proposed: { status: 'refuted' },
    });
  });

  it('a large text travels with its document and is held once per content', async () => {
    const { alice, bob, caseId } = await sharedCase();
    const paragraph = 'Port traffic figures for the quarter were revised twice by the authority. ';
    const large = paragraph.repeat(Math.ceil(2_000_000 / paragraph.length));
    const first = await addDocument(alice, caseId, large, { title: 'Quarterly figures' });
    await settle(caseId, alice, bob);
    const held = await cluster.sql<{ n: number; bytes: number }>(
      'SELECT count(*)::int AS n, sum(length(content))::int AS bytes FROM claimdesk.texts WHERE case_id = $1',
      [caseId],
    );
    expect(held[0]).toEqual({ n: 2, bytes: TEXT.length + large.length });
    const got = await call(bob, 'documents:get', { documentId: first.id });
    expect(got.text).toBe(large);
  });

  it('a conflict settled on one desk leaves the list on the other desk too, and a reader still receives edits', async () => {
    const { alice, bob, caseId, claimId } = await sharedCase();
    await call(alice, 'team:pause', { caseId, paused: true });
    await call(alice, 'claims:update', { claimId, status: 'refuted' });
    await call(bob, 'claims:update', { claimId, status: 'corroborated' });
    await call(bob, 'team:sync', { caseId });
    await call(alice, 'team:pause', { caseId, paused: false });
    await settle(caseId, alice, bob);
    const [conflict] = await call(bob, 'team:conflicts', { caseId });
    expect(conflict?.fields).toEqual(['status']);
    await call(alice, 'team:resolve', { caseId, conflictId: conflict?.id ?? 0, choice: 'kept' });
    // Nothing but the notification tells bob's desk: no record changed.
    await expect.poll(async () => (await call(bob, 'team:conflicts', { caseId })).length).toBe(0);

    await call(alice, 'team:setMember', { caseId, member: 'carol', role: 'reader' });
    const carol = await harness.start();
    await call(carol, 'team:join', { caseId, connection: url.carol ?? '' });
    await call(carol, 'claims:update', { claimId, notes: 'Carol cannot send this.' });
    expect((await call(carol, 'team:sync', { caseId })).state).toBe('refused');
    // After her refusal, a document alice adds still reaches carol's desk.
    await addDocument(alice, caseId, 'A second report on the harbour.', { title: 'Second report' });
    await settle(caseId, alice);
    await call(carol, 'team:sync', { caseId });
    const documents = await call(carol, 'documents:list', { caseId });
    expect(documents.map((d) => d.title).sort()).toEqual(['Report', 'Second report']);
  });

  it('never writes the connection string into the shared-case list or the log', async () => {
    const { alice, bob } = await sharedCase();
    const { readFile } = await import('node:fs/promises');
    const path = await import('node:path');
    for (const desk of [alice, bob]) {
      const list = await readFile(path.join(desk.store.dir, 'team', 'cases.json'), 'utf8');
      expect(list).not.toMatch(/secret/);
    }
    expect(harness.logs.join('\n')).not.toMatch(/secret/);
  });
});
