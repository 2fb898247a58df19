/**
 * `npm run team:migrate -- <connection>`: brings a team database (docs/team-sync.md) to the
 * schema this Claimdesk knows. Run once by the database administrator, as a role that may
 * create schemas and roles (the app's own logins may not); the app then finds it migrated.
 *
 * <connection> is a PostgreSQL URL, e.g.
 *   postgresql://admin@db.example.org/claimdesk?sslmode=verify-full
 * or, when omitted, the DATABASE_URL environment variable. The password is best left to
 * PGPASSWORD or ~/.pgpass rather than the command line, where `ps` shows it.
 */
import pg from 'pg';
import {
  TeamDbAccessError,
  TeamDbTooNewError,
  TeamMigrationPermissionError,
  migrateTeamDb,
} from '../electron/backend/team/migrate';

async function main(): Promise<number> {
  const connectionString = process.argv[2] ?? process.env.DATABASE_URL;
  if (!connectionString || connectionString.startsWith('-')) {
    process.stderr.write('usage: npm run team:migrate -- <postgresql://...connection>\n');
    return 2;
  }
  const client = new pg.Client({ connectionString });
  try {
    await client.connect();
    const { from, to } = await migrateTeamDb(client);
    process.stdout.write(
      from === to
        ? `team database already at schema version ${to}\n`
        : `team database migrated from schema version ${from} to ${to}\n`,
    );
    return 0;
  } catch (error) {
    // Refusals that explain themselves exit 1; anything else (no server, bad password) 3.
    const known =
      error instanceof TeamDbTooNewError ||
      error instanceof TeamMigrationPermissionError ||
      error instanceof TeamDbAccessError;
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`team:migrate: ${reason}\n`);
    return known ? 1 : 3;
  } finally {
    await client.end().catch(() => undefined);
  }
}

process.exitCode = await main();
