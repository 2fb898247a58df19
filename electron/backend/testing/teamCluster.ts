/**
 * A throwaway team database for the tests, scripts and benches of team cases (issue 14): a
 * cluster (pgCluster.ts) with one login per analyst in `claimdesk_user`, its schema migrated
 * once as the administrator would (`npm run team:migrate`).
 */
import pg from 'pg';
import { migrateTeamDb } from '../team/migrate';
import { startCluster, type PgCluster } from './pgCluster';

export interface TeamCluster {
  cluster: PgCluster;
  /** The connection string of a login made here (its password is `<name>-secret`). */
  url: (name: string) => string;
}

export async function startTeamCluster(logins: readonly string[]): Promise<TeamCluster> {
  const cluster = await startCluster();
  try {
    for (const name of logins) await cluster.createLogin(name, `${name}-secret`);
    const admin = new pg.Client({ connectionString: cluster.adminUrl });
    await admin.connect();
    try {
      await migrateTeamDb(admin);
    } finally {
      await admin.end();
    }
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return { cluster, url: (name) => cluster.urlFor(name, `${name}-secret`) };
}
