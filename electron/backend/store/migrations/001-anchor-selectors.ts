/**
 * Migration 1 -> 2. The first prototype (schema 1) stored a claim's quote as flat
 * `quote`/`start`/`end` fields and timestamps as epoch milliseconds. Schema 2 stores the
 * quote as a W3C-style anchor (`anchor.exact/prefix/suffix/start/end`) and ISO 8601 times.
 * The prototype kept no context around the quote, so prefix and suffix start empty.
 *
 * Shipped: never edit this file; add a new migration instead.
 */
import { isRecord } from '../ops';
import type { Migration } from './types';

const isoTime = (value: unknown): unknown =>
  typeof value === 'number' ? new Date(value).toISOString() : value;

function migrateClaim(claim: unknown): unknown {
  if (!isRecord(claim)) return claim;
  const { quote, start, end, ...rest } = claim;
  return {
    ...rest,
    anchor: { exact: quote, prefix: '', suffix: '', start, end },
    createdAt: isoTime(claim.createdAt),
    updatedAt: isoTime(claim.updatedAt ?? claim.createdAt),
  };
}

function migrateTimes(record: unknown): unknown {
  if (!isRecord(record)) return record;
  const out: Record<string, unknown> = { ...record, createdAt: isoTime(record.createdAt) };
  if ('updatedAt' in record) out.updatedAt = isoTime(record.updatedAt);
  return out;
}

export const migration001: Migration = {
  from: 1,
  to: 2,
  description: 'claim quotes become W3C anchors; timestamps become ISO 8601',
  up(raw) {
    const list = (key: string): unknown[] => {
      const value = raw[key];
      return Array.isArray(value) ? value : [];
    };
    return {
      ...raw,
      schemaVersion: 2,
      journalSeq: raw.journalSeq ?? 0,
      cases: list('cases').map(migrateTimes),
      documents: list('documents').map(migrateTimes),
      claims: list('claims').map(migrateClaim),
    };
  },
};
