/**
 * The team database's migrations, oldest first. A released migration is never edited: a
 * change is a new entry, so every database reaches the same schema by the same steps.
 */
import { sql as init } from './001_init';

export interface TeamMigration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const TEAM_MIGRATIONS: readonly TeamMigration[] = [{ version: 1, name: 'init', sql: init }];

/** The schema version this build of Claimdesk knows. */
export const TEAM_DB_VERSION = TEAM_MIGRATIONS.at(-1)?.version ?? 0;
