/**
 * Who may do what in a team database (docs/team-sync.md, "Who may do what"), checked with
 * raw `pg` connections as four separate logins: alice (owner of case c1), bob (analyst),
 * carol (reader) and dave (no member). The schema is migrated by a non-superuser
 * administrator, as a real deployment would: a superuser skips row-level security
 * altogether, so only this way are the forced policies and the definer functions exercised.
 *
 * The tests run in order and build on one another's state (membership changes last).
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type PgCluster } from '../testing/pgCluster';
import { migrateTeamDb } from './migrate';

let cluster: PgCluster;
let admin: pg.Client;
let alice: pg.Client;
let bob: pg.Client;
let carol: pg.Client;
let dave: pg.Client;

const CASE = 'c1';
const HASH = 'a'.repeat(64);

async function login(name: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: cluster.urlFor(name, `${name}-pw`) });
  await client.connect();
  return client;
}

/** The SQLSTATE a statement fails with (and its message), or null when it succeeds. */
async function failure(
  client: pg.Client,
  text: string,
  params?: unknown[],
): Promise<{ code: string; message: string } | null> {
  try {
    await client.query(text, params);
    return null;
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    return { code, message: error instanceof Error ? error.message : String(error) };
  }
}

async function count(client: pg.Client, table: string): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    `SELECT count(*) AS n FROM claimdesk.${table} WHERE case_id = $1`,
    [CASE],
  );
  return Number(rows[0]?.n);
}

/** A push as the sync engine makes one: next_seq locks the case, the rows take its seqs. */
async function push(client: pg.Client, recordId: string, value: unknown): Promise<bigint> {
  await client.query('BEGIN');
  try {
    const { rows } = await client.query<{ seq: string }>(
      'SELECT claimdesk.next_seq($1, 1) AS seq',
      [CASE],
    );
    const seq = BigInt(rows[0]?.seq ?? '0');
    await client.query(
      `INSERT INTO claimdesk.records (case_id, collection, record_id, value, seq)
       VALUES ($1, 'claims', $2, $3, $4)
       ON CONFLICT (case_id, collection, record_id)
       DO UPDATE SET value = excluded.value, seq = excluded.seq, updated_at = now()`,
      [CASE, recordId, JSON.stringify(value), seq.toString()],
    );
    await client.query("SELECT pg_notify('claimdesk', $1)", [CASE]);
    await client.query('COMMIT');
    return seq;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

beforeAll(async () => {
  cluster = await startCluster();
  await cluster.sql(`CREATE ROLE claimdesk_admin LOGIN CREATEROLE PASSWORD 'claimdesk_admin-pw'`);
  await cluster.sql('GRANT CREATE ON DATABASE claimdesk TO claimdesk_admin');
  admin = await login('claimdesk_admin');
  await migrateTeamDb(admin);
  for (const name of ['alice', 'bob', 'carol', 'dave']) {
    await cluster.createLogin(name, `${name}-pw`);
  }
  [alice, bob, carol, dave] = await Promise.all([
    login('alice'),
    login('bob'),
    login('carol'),
    login('dave'),
  ]);
  await alice.query('SELECT claimdesk.create_case($1, $2)', [CASE, 'Case one']);
  await alice.query(
    `INSERT INTO claimdesk.members (case_id, member, role) VALUES ($1, 'bob', 'analyst'),
       ($1, 'carol', 'reader')`,
    [CASE],
  );
  await push(bob, 'r1', { id: 'r1', text: 'first' });
  await bob.query('INSERT INTO claimdesk.texts (case_id, hash, content) VALUES ($1, $2, $3)', [
    CASE,
    HASH,
    'the text',
  ]);
  await bob.query(
    `INSERT INTO claimdesk.conflicts (case_id, collection, record_id, kind, fields, kept, proposed)
     VALUES ($1, 'claims', 'r1', 'fields', '{text}', '{"text":"a"}', '{"text":"b"}')`,
    [CASE],
  );
  await bob.query("INSERT INTO claimdesk.clients (case_id, client_id) VALUES ($1, 'bob-laptop')", [
    CASE,
  ]);
}, 60_000);

afterAll(async () => {
  await Promise.all([admin, alice, bob, carol, dave].map((c) => c?.end().catch(() => undefined)));
  await cluster?.stop();
});

describe('create_case', () => {
  it('makes the caller owner', async () => {
    const { rows } = await alice.query<{ role: string | null }>(
      'SELECT claimdesk.case_role($1) AS role',
      [CASE],
    );
    expect(rows).toEqual([{ role: 'owner' }]);
    const cases = await alice.query('SELECT case_id, title, created_by FROM claimdesk.cases');
    expect(cases.rows).toEqual([{ case_id: CASE, title: 'Case one', created_by: 'alice' }]);
    const members = await alice.query(
      'SELECT member, role, added_by FROM claimdesk.members WHERE case_id = $1 ORDER BY member',
      [CASE],
    );
    expect(members.rows).toEqual([
      { member: 'alice', role: 'owner', added_by: 'alice' },
      { member: 'bob', role: 'analyst', added_by: 'alice' },
      { member: 'carol', role: 'reader', added_by: 'alice' },
    ]);
  });

  it('refuses an existing case id, whoever asks', async () => {
    for (const client of [alice, dave]) {
      const error = await failure(client, 'SELECT claimdesk.create_case($1, $2)', [CASE, 'x']);
      expect(error?.code).toBe('23505');
      expect(error?.message).toContain('already exists');
    }
    const error = await failure(dave, 'SELECT claimdesk.create_case($1, $2)', ['', 'x']);
    expect(error?.code).toBe('22023');
  });

  it('gives each case its own owner', async () => {
    await dave.query('SELECT claimdesk.create_case($1, $2)', ['dave-case', 'Mine']);
    const mine = await dave.query<{ case_id: string }>('SELECT case_id FROM claimdesk.cases');
    expect(mine.rows).toEqual([{ case_id: 'dave-case' }]);
    const theirs = await alice.query<{ case_id: string }>('SELECT case_id FROM claimdesk.cases');
    expect(theirs.rows).toEqual([{ case_id: CASE }]);
  });
});

describe('a non-member (dave)', () => {
  it('sees nothing of the case', async () => {
    for (const table of ['cases', 'records', 'texts', 'members', 'conflicts', 'clients']) {
      expect(await count(dave, table)).toBe(0);
      // The others do see it: the zero is the policy, not an empty table.
      expect(await count(carol, table)).toBeGreaterThan(0);
    }
    const { rows } = await dave.query('SELECT claimdesk.case_role($1) AS role', [CASE]);
    expect(rows).toEqual([{ role: null }]);
  });

  it('cannot write to it', async () => {
    const insert = await failure(
      dave,
      `INSERT INTO claimdesk.records (case_id, collection, record_id, value, seq)
       VALUES ($1, 'claims', 'x', '{}', 99)`,
      [CASE],
    );
    expect(insert?.code).toBe('42501');
    expect(insert?.message).toContain('row-level security');
    expect((await failure(dave, 'SELECT claimdesk.next_seq($1, 1)', [CASE]))?.code).toBe('42501');
    const text = await failure(
      dave,
      'INSERT INTO claimdesk.texts (case_id, hash, content) VALUES ($1, $2, $3)',
      [CASE, 'b'.repeat(64), 'x'],
    );
    expect(text?.code).toBe('42501');
    const member = await failure(
      dave,
      "INSERT INTO claimdesk.members (case_id, member, role) VALUES ($1, 'dave', 'owner')",
      [CASE],
    );
    expect(member?.code).toBe('42501');
    const update = await dave.query(
      "UPDATE claimdesk.records SET value = '{}' WHERE case_id = $1",
      [CASE],
    );
    expect(update.rowCount).toBe(0);
  });
});

describe('a reader (carol)', () => {
  it('reads the case', async () => {
    const { rows } = await carol.query<{ record_id: string; updated_by: string }>(
      'SELECT record_id, updated_by FROM claimdesk.records WHERE case_id = $1',
      [CASE],
    );
    expect(rows).toEqual([{ record_id: 'r1', updated_by: 'bob' }]);
    const texts = await carol.query('SELECT content FROM claimdesk.texts WHERE hash = $1', [HASH]);
    expect(texts.rows).toEqual([{ content: 'the text' }]);
  });

  it('cannot insert, update or reserve seqs', async () => {
    const insert = await failure(
      carol,
      `INSERT INTO claimdesk.records (case_id, collection, record_id, value, seq)
       VALUES ($1, 'claims', 'c', '{}', 99)`,
      [CASE],
    );
    expect(insert?.code).toBe('42501');
    const update = await failure(
      carol,
      `UPDATE claimdesk.records SET value = '{"text":"mine"}' WHERE case_id = $1`,
      [CASE],
    );
    expect(update?.code).toBe('42501');
    expect(update?.message).toContain('row-level security');
    const seq = await failure(carol, 'SELECT claimdesk.next_seq($1, 1)', [CASE]);
    expect(seq?.code).toBe('42501');
    expect(seq?.message).toContain('analyst or owner');
    const conflict = await failure(
      carol,
      "UPDATE claimdesk.conflicts SET resolution = 'kept' WHERE case_id = $1",
      [CASE],
    );
    expect(conflict?.code).toBe('42501');
    const { rows } = await carol.query('SELECT value FROM claimdesk.records WHERE case_id = $1', [
      CASE,
    ]);
    expect(rows).toEqual([{ value: { id: 'r1', text: 'first' } }]);
  });
});

describe('an analyst (bob)', () => {
  it('pushes records with consecutive seqs, under his own name', async () => {
    const before = await bob.query<{ last_seq: string }>(
      'SELECT last_seq FROM claimdesk.cases WHERE case_id = $1',
      [CASE],
    );
    const first = await push(bob, 'r2', { id: 'r2' });
    const second = await push(bob, 'r1', { id: 'r1', text: 'second' });
    expect(first).toBe(BigInt(before.rows[0]?.last_seq ?? '') + 1n);
    expect(second).toBe(first + 1n);
    // A client cannot file an edit under someone else's name.
    await bob.query(
      "UPDATE claimdesk.records SET updated_by = 'alice' WHERE case_id = $1 AND record_id = 'r2'",
      [CASE],
    );
    const { rows } = await alice.query(
      'SELECT record_id, seq, updated_by FROM claimdesk.records WHERE case_id = $1 ORDER BY seq',
      [CASE],
    );
    expect(rows).toEqual([
      { record_id: 'r2', seq: first.toString(), updated_by: 'bob' },
      { record_id: 'r1', seq: second.toString(), updated_by: 'bob' },
    ]);
  });

  it('cannot move a record to another case', async () => {
    const error = await failure(
      bob,
      "UPDATE claimdesk.records SET case_id = 'dave-case' WHERE case_id = $1",
      [CASE],
    );
    expect(error?.code).toBe('42501');
  });

  it('cannot add, change or remove members', async () => {
    const insert = await failure(
      bob,
      "INSERT INTO claimdesk.members (case_id, member, role) VALUES ($1, 'dave', 'reader')",
      [CASE],
    );
    expect(insert?.code).toBe('42501');
    const promote = await failure(
      bob,
      "UPDATE claimdesk.members SET role = 'owner' WHERE case_id = $1 AND member = 'bob'",
      [CASE],
    );
    expect(promote?.code).toBe('42501');
    const removed = await bob.query(
      "DELETE FROM claimdesk.members WHERE case_id = $1 AND member = 'carol'",
      [CASE],
    );
    expect(removed.rowCount).toBe(0);
    expect(await count(alice, 'members')).toBe(3);
  });
});

describe('deletes', () => {
  it('nobody may delete records, not even an owner', async () => {
    for (const client of [alice, bob, carol, dave]) {
      const error = await failure(client, 'DELETE FROM claimdesk.records WHERE case_id = $1', [
        CASE,
      ]);
      expect(error?.code).toBe('42501');
    }
    // The tables' owner holds DELETE by ownership; with no delete policy it reaches no row.
    const owner = await admin.query('DELETE FROM claimdesk.records WHERE case_id = $1', [CASE]);
    expect(owner.rowCount).toBe(0);
    expect(await count(alice, 'records')).toBe(2);
  });
});

describe('an owner (alice)', () => {
  it('adds and removes members', async () => {
    await alice.query(
      "INSERT INTO claimdesk.members (case_id, member, role) VALUES ($1, 'dave', 'reader')",
      [CASE],
    );
    expect(await count(dave, 'records')).toBe(2);
    await alice.query("UPDATE claimdesk.members SET role = 'analyst' WHERE member = 'dave'");
    await push(dave, 'r3', { id: 'r3' });
    const removed = await alice.query(
      "DELETE FROM claimdesk.members WHERE case_id = $1 AND member = 'dave'",
      [CASE],
    );
    expect(removed.rowCount).toBe(1);
    expect(await count(dave, 'records')).toBe(0);
  });

  it('cannot remove or demote the last owner', async () => {
    const leave = await failure(
      alice,
      "DELETE FROM claimdesk.members WHERE case_id = $1 AND member = 'alice'",
      [CASE],
    );
    expect(leave?.code).toBe('23514');
    expect(leave?.message).toContain('last owner');
    const demote = await failure(
      alice,
      "UPDATE claimdesk.members SET role = 'analyst' WHERE case_id = $1 AND member = 'alice'",
      [CASE],
    );
    expect(demote?.code).toBe('23514');
    // With a second owner, either may go, but not both in one statement.
    await alice.query("UPDATE claimdesk.members SET role = 'owner' WHERE member = 'bob'");
    const both = await failure(
      alice,
      "DELETE FROM claimdesk.members WHERE case_id = $1 AND role = 'owner'",
      [CASE],
    );
    expect(both?.code).toBe('23514');
    await alice.query("UPDATE claimdesk.members SET role = 'analyst' WHERE member = 'alice'");
    const { rows } = await bob.query<{ member: string }>(
      "SELECT member FROM claimdesk.members WHERE case_id = $1 AND role = 'owner'",
      [CASE],
    );
    expect(rows).toEqual([{ member: 'bob' }]);
  });

  it('two owners removing each other at once leave one owner', async () => {
    await bob.query("UPDATE claimdesk.members SET role = 'owner' WHERE member = 'alice'");
    await alice.query('BEGIN');
    await bob.query('BEGIN');
    await alice.query("DELETE FROM claimdesk.members WHERE case_id = $1 AND member = 'bob'", [
      CASE,
    ]);
    // Bob's delete waits for alice's transaction (the case row lock), then sees her change.
    const bobs = failure(
      bob,
      "DELETE FROM claimdesk.members WHERE case_id = $1 AND member = 'alice'",
      [CASE],
    );
    // Commit only once bob's delete is waiting on alice's lock (a loaded machine could
    // otherwise run it after her commit, which tests nothing).
    for (let i = 0; i < 500; i++) {
      const waiting = await cluster.sql<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE usename = 'bob' AND wait_event_type = 'Lock'",
      );
      if ((waiting[0]?.n ?? 0) > 0) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    await alice.query('COMMIT');
    expect((await bobs)?.code).toBe('23514');
    await bob.query('ROLLBACK');
    const { rows } = await alice.query<{ member: string }>(
      "SELECT member FROM claimdesk.members WHERE case_id = $1 AND role = 'owner'",
      [CASE],
    );
    expect(rows).toEqual([{ member: 'alice' }]);
  });
});

describe('the administrator who migrated', () => {
  it('is held to the policies on case data too (FORCE ROW LEVEL SECURITY)', async () => {
    expect(await count(admin, 'records')).toBe(0);
    expect(await count(admin, 'texts')).toBe(0);
  });
});
