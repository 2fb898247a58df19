/**
 * Migration 4 -> 5 (issue 5, "Brief and export"): the store gains briefing notes.
 *
 * Shipped: never edit this file; add a new migration instead.
 */
import type { Migration } from './types';

export const migration004: Migration = {
  from: 4,
  to: 5,
  description: 'briefing notes',
  up(raw) {
    return {
      ...raw,
      schemaVersion: 5,
      briefings: Array.isArray(raw.briefings) ? raw.briefings : [],
    };
  },
};
