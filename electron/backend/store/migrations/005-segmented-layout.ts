/**
 * Migration 5 -> 6 (issue 9, "Scale"): the store file becomes a manifest of segments
 * (manifest.ts, layout.ts). The records themselves do not change shape, so on the raw JSON
 * this step only moves the version; the store writes the records out as segments once they
 * have been migrated and validated (store.ts), and keeps the old file in backups/.
 *
 * Shipped: never edit this file; add a new migration instead.
 */
import type { Migration } from './types';

export const migration005: Migration = {
  from: 5,
  to: 6,
  description: 'segmented store layout (records unchanged)',
  up(raw) {
    return { ...raw, schemaVersion: 6 };
  },
};
