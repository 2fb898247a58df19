/**
 * Migration 2 -> 3 (issue 3, "Annotate and attribute"). Claims gain kind, status, tags,
 * notes, an attribution and an anchor state; documents gain author, retrieved date, file
 * name, an outlet entity and a link to the snapshot they replace; the store gains the shared
 * entities (speakers and outlets) and the claims' history.
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
  return {
    anchorState: 'anchored',
    kind: 'unattributed',
    status: 'unverified',
    tags: [],
    notes: '',
    attribution: { speakerId: null, via: [], cue: '', saidOn: '', reportedOn: '' },
    ...claim,
  };
}

function migrateDocument(doc: unknown): unknown {
  if (!isRecord(doc)) return doc;
  return {
    author: '',
    retrievedAt: '',
    fileName: '',
    outletId: null,
    previousVersionId: null,
    ...doc,
  };
}

export const migration002: Migration = {
  from: 2,
  to: 3,
  description: 'claims gain kind, status, tags, notes and attribution; entities and history',
  up(raw) {
    return {
      ...raw,
      schemaVersion: 3,
      documents: list(raw, 'documents').map(migrateDocument),
      claims: list(raw, 'claims').map(migrateClaim),
      entities: list(raw, 'entities'),
      history: list(raw, 'history'),
    };
  },
};
