/** migrateTeamDb against a real PostgreSQL (a throwaway cluster, testing/pgCluster). */
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type PgCluster } from '../testing/pgCluster';
import {
  TeamDbAccessError,
  TeamDbTooNewError,
  TeamMigrationPermissionError,
  migrateTeamDb,
  teamDbVersion,
} from './migrate';
import { TEAM_DB_VERSION, TEAM_MIGRATIONS } from './migrations';

let cluster: PgCluster;
const clients: pg.Client[] = [];

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  clients.push(client);
  return client;
}

beforeAll(async () => {
  cluster = await startCluster();
  // Made before migrating: the migration must accept a group role that already exists.
  await cluster.createLogin('alice', 'alice-pw');
}, 60_000);

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.end().catch(() => undefined)));
});

afterAll(async () => {
  await cluster?.stop();
});

describe('migrateTeamDb', () => {
  it('refuses, with what the administrator must run, a role that may not migrate', async () => {
    const alice = await connect(cluster.urlFor('alice', 'alice-pw'));
    expect(await teamDbVersion(alice)).toBe(0);
    const error = await migrateTeamDb(alice).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TeamMigrationPermissionError);
    const message = (error as Error).message;
    expect(message).toContain('migration 1 (init)');
    expect(message).toContain('alice');
    expect(message).toContain('npm run team:migrate -- <connection>');
    // Nothing half-done, and the connection is still usable.
    expect(await teamDbVersion(alice)).toBe(0);
    expect((await alice.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('applies every migration to an empty database, then is a no-op', async () => {
    const admin = await connect(cluster.adminUrl);
    expect(await migrateTeamDb(admin)).toEqual({ from: 0, to: TEAM_DB_VERSION });
    expect(await teamDbVersion(admin)).toBe(TEAM_DB_VERSION);
    const tables = await cluster.sql<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'claimdesk' ORDER BY 1",
    );
    expect(tables.map((t) => t.table_name)).toEqual([
      'cases',
      'clients',
      'conflicts',
      'members',
      'records',
      'schema_migrations',
      'texts',
    ]);
    const rls = await cluster.sql<{ relname: string }>(
      `SELECT relname FROM pg_class WHERE relnamespace = 'claimdesk'::regnamespace
         AND relkind = 'r' AND relrowsecurity AND relforcerowsecurity ORDER BY 1`,
    );
    expect(rls.map((r) => r.relname)).toEqual([
      'cases',
      'clients',
      'conflicts',
      'members',
      'records',
      'texts',
    ]);

    expect(await migrateTeamDb(admin)).toEqual({ from: TEAM_DB_VERSION, to: TEAM_DB_VERSION });
    const applied = await cluster.sql<{ version: number }>(
      'SELECT version FROM claimdesk.schema_migrations ORDER BY version',
    );
    expect(applied.map((r) => r.version)).toEqual(TEAM_MIGRATIONS.map((m) => m.version));
  });

  it('lets a member read the version but not apply a newer migration', async () => {
    const alice = await connect(cluster.urlFor('alice', 'alice-pw'));
    expect(await teamDbVersion(alice)).toBe(TEAM_DB_VERSION);
    expect(await migrateTeamDb(alice)).toEqual({ from: TEAM_DB_VERSION, to: TEAM_DB_VERSION });
    const next = {
      version: TEAM_DB_VERSION + 1,
      name: 'later',
      sql: 'CREATE TABLE claimdesk.later (x int)',
    };
    const error = await migrateTeamDb(alice, [...TEAM_MIGRATIONS, next]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TeamMigrationPermissionError);
    expect((error as Error).message).toContain(`migration ${next.version} (later)`);
    expect(await teamDbVersion(alice)).toBe(TEAM_DB_VERSION);
  });

  it('tells a login outside claimdesk_user what the administrator must grant', async () => {
    await cluster.sql("CREATE ROLE eve LOGIN PASSWORD 'eve-pw'");
    const eve = await connect(cluster.urlFor('eve', 'eve-pw'));
    const error = await migrateTeamDb(eve).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TeamDbAccessError);
    expect((error as Error).message).toContain('GRANT claimdesk_user TO eve');
  });

  it('two apps migrating at once take turns', async () => {
    const later = [
      { version: TEAM_DB_VERSION + 1, name: 'a', sql: 'CREATE TABLE claimdesk.a (x int)' },
      { version: TEAM_DB_VERSION + 2, name: 'b', sql: 'CREATE TABLE claimdesk.b (x int)' },
    ];
    const one = await connect(cluster.adminUrl);
    const two = await connect(cluster.adminUrl);
    const results = await Promise.all([
      migrateTeamDb(one, [...TEAM_MIGRATIONS, ...later]),
      migrateTeamDb(two, [...TEAM_MIGRATIONS, ...later]),
    ]);
    expect(results.map((r) => r.to)).toEqual([TEAM_DB_VERSION + 2, TEAM_DB_VERSION + 2]);
    expect(await teamDbVersion(one)).toBe(TEAM_DB_VERSION + 2);
  });

  it('refuses a database newer than this build', async () => {
    const admin = await connect(cluster.adminUrl);
    const current = await teamDbVersion(admin);
    await cluster.sql('INSERT INTO claimdesk.schema_migrations (version) VALUES ($1)', [
      current + 5,
    ]);
    const error = await migrateTeamDb(admin).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TeamDbTooNewError);
    expect((error as TeamDbTooNewError).dbVersion).toBe(current + 5);
    expect((error as Error).message).toContain('update Claimdesk');
    expect((await admin.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });
});
