/**
 * The ordered list of migrations. Each moves the raw store JSON one schema version up.
 * Files are named by number and never edited once shipped (STYLE.md, "Persistence").
 */
import { CURRENT_SCHEMA_VERSION } from '../schema';
import { migration001 } from './001-anchor-selectors';
import { migration002 } from './002-attribution-entities';
import { migration003 } from './003-grades-links-judgments';
import { migration004 } from './004-briefings';
import { migration005 } from './005-segmented-layout';
import type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
];

export interface MigrationOutcome {
  raw: Record<string, unknown>;
  from: number;
  applied: Migration[];
}

/** Runs every migration from `raw.schemaVersion` up to the current version. */
export function migrate(raw: Record<string, unknown>): MigrationOutcome {
  const from = typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 1;
  let current = raw;
  let version = from;
  const applied: Migration[] = [];
  while (version < CURRENT_SCHEMA_VERSION) {
    const step = MIGRATIONS.find((m) => m.from === version);
    if (!step) throw new Error(`no migration from schema version ${version}`);
    current = step.up(current);
    version = step.to;
    applied.push(step);
  }
  return { raw: current, from, applied };
}
