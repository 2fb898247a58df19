/**
 * Migration 3 -> 4 (issue 4, "Grade and link"). Speakers and outlets gain a default source
 * reliability (F, "cannot be judged", until the analyst grades them), claims an information
 * credibility (6, likewise) and per-attribution reliability overrides; the store gains
 * evidence links and key judgments.
 *
 * Shipped: never edit this file; add a new migration instead.
 */
import { isRecord } from '../ops';
import type { Migration } from './types';

const list = (raw: Record<string, unknown>, key: string): unknown[] => {
  const value = raw[key];
  return Array.isArray(value) ? value : [];
};

function migrateClaim(claim: unknown): unknown {
  if (!isRecord(claim)) return claim;
  const attribution = isRecord(claim.attribution)
    ? { reliabilityOverrides: {}, ...claim.attribution }
    : claim.attribution;
  return { credibility: 6, ...claim, attribution };
}

export const migration003: Migration = {
  from: 3,
  to: 4,
  description: 'grades on entities and claims; evidence links and key judgments',
  up(raw) {
    return {
      ...raw,
      schemaVersion: 4,
      entities: list(raw, 'entities').map((e) => (isRecord(e) ? { reliability: 'F', ...e } : e)),
      claims: list(raw, 'claims').map(migrateClaim),
      links: list(raw, 'links'),
      judgments: list(raw, 'judgments'),
    };
  },
};
