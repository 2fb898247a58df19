/**
 * Brings a team database (docs/team-sync.md) up to the schema this build knows.
 *
 * Each migration runs in its own transaction together with its row in
 * claimdesk.schema_migrations, so a database is always at exactly one version. Every
 * transaction first takes a transaction-scoped advisory lock and re-reads the version under
 * it: two apps migrating at once take turns, and the second finds the work done.
 *
 * Migrations create roles, schemas and policies, which an analyst's login may not do: the
 * app tries (an administrator's connection just works) and, refused, says what the
 * administrator has to run. A database newer than the app is refused too, because an older
 * app would write rows the newer schema's rules do not expect.
 */
import type pg from 'pg';
import { TEAM_DB_VERSION, TEAM_MIGRATIONS, type TeamMigration } from './migrations';

/** Arbitrary but fixed: every Claimdesk build must use the same key to exclude the others. */
const MIGRATION_LOCK_KEY = 0x436c_6d64; // "Clmd"

export class TeamDbTooNewError extends Error {
  constructor(
    readonly dbVersion: number,
    readonly appVersion: number,
  ) {
    super(
      `The team database is at schema version ${dbVersion}, newer than this Claimdesk ` +
        `knows (${appVersion}): update Claimdesk to use it.`,
    );
    this.name = 'TeamDbTooNewError';
  }
}

export class TeamMigrationPermissionError extends Error {
  constructor(
    readonly migration: TeamMigration,
    readonly role: string,
    options: { cause: unknown },
  ) {
    const reason = options.cause instanceof Error ? options.cause.message : String(options.cause);
    super(
      `The team database needs migration ${migration.version} (${migration.name}), which ` +
        `${role} may not apply (${reason}). The database administrator must run it once: ` +
        'npm run team:migrate -- <connection>',
      options,
    );
    this.name = 'TeamMigrationPermissionError';
  }
}

/** The login is not in claimdesk_user, so it may not even look at the schema. */
export class TeamDbAccessError extends Error {
  constructor(readonly role: string) {
    super(
      `${role} may not use the team database's schema: the database administrator must make ` +
        `it a member of claimdesk_user (GRANT claimdesk_user TO ${role}; docs/team-database.sql).`,
    );
    this.name = 'TeamDbAccessError';
  }
}

/** SQLSTATEs meaning "this role may not do that": a missing privilege or ownership. */
const PERMISSION_CODES = new Set(['42501']);

function sqlState(error: unknown): string | undefined {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}

/**
 * The applied schema version: 0 when the schema (or its version table) does not exist.
 * Throws TeamDbAccessError when the schema exists but the login may not use it.
 */
export async function teamDbVersion(client: pg.ClientBase): Promise<number> {
  // Asked through the catalog: naming a table in a schema without USAGE on it is an error,
  // and that error would not say what to do about it.
  const { rows } = await client.query<{ usable: boolean | null; role: string }>(
    `SELECT has_schema_privilege(n.oid, 'USAGE') AS usable, session_user AS role
       FROM (SELECT 1) AS one
       LEFT JOIN pg_namespace n ON n.nspname = 'claimdesk'`,
  );
  const schema = rows[0];
  if (schema?.usable === null || schema === undefined) return 0;
  if (!schema.usable) throw new TeamDbAccessError(schema.role);
  const table = await client.query<{ exists: boolean }>(
    "SELECT to_regclass('claimdesk.schema_migrations') IS NOT NULL AS exists",
  );
  if (!table.rows[0]?.exists) return 0;
  const version = await client.query<{ version: number | null }>(
    'SELECT max(version) AS version FROM claimdesk.schema_migrations',
  );
  return version.rows[0]?.version ?? 0;
}

/**
 * Applies the missing migrations in order. Throws TeamDbTooNewError when the database is
 * ahead of this build and TeamMigrationPermissionError when the connected role may not apply
 * one; the migrations applied before such a refusal stay applied.
 */
export async function migrateTeamDb(
  client: pg.ClientBase,
  migrations: readonly TeamMigration[] = TEAM_MIGRATIONS,
): Promise<{ from: number; to: number }> {
  const known = migrations.at(-1)?.version ?? TEAM_DB_VERSION;
  let from: number | undefined;
  for (;;) {
    await client.query('BEGIN');
    let committed = false;
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      const current = await teamDbVersion(client);
      from ??= current;
      if (current > known) throw new TeamDbTooNewError(current, known);
      const next = migrations.find((m) => m.version > current);
      if (next === undefined) {
        await client.query('COMMIT');
        committed = true;
        return { from, to: current };
      }
      try {
        await client.query(next.sql);
        await client.query('INSERT INTO claimdesk.schema_migrations (version) VALUES ($1)', [
          next.version,
        ]);
      } catch (error) {
        if (PERMISSION_CODES.has(sqlState(error) ?? '')) {
          await client.query('ROLLBACK');
          committed = true;
          const { rows } = await client.query<{ role: string }>('SELECT session_user AS role');
          throw new TeamMigrationPermissionError(next, rows[0]?.role ?? 'this role', {
            cause: error,
          });
        }
        throw error;
      }
      await client.query('COMMIT');
      committed = true;
    } finally {
      // Leave the connection usable whatever failed; a failed rollback has nothing to undo.
      if (!committed) await client.query('ROLLBACK').catch(() => undefined);
    }
  }
}
