/**
 * Applies records pulled from a team database to the local store (issue 14), through the
 * store's write path (journaled with origin `team`: not undoable here, never pushed back).
 * Every record is checked against its schema and must belong to the case it was pulled for,
 * so a hostile row cannot reach another case or the disk; texts are checked against their hash.
 */
import { hashText } from '../store/textStore';
import type { HistoryEntry } from '../../../shared/domain/schemas';
import { COLLECTIONS, type CollectionName, type Op } from '../store/ops';
import { recordSchemas } from '../store/schema';
import type { Store } from '../store/store';
import { sameJson, type JsonRecord } from './merge';
import type { Outbox } from './outbox';
import type { PulledRecord } from './teamDb';

export interface PullReport {
  applied: number;
  /** Rows refused: not a record of this case, or not a valid record. */
  refused: number;
  /** Documents whose text the database does not hold. */
  missingTexts: number;
}

const PER_CASE = new Set<CollectionName>([
  'documents',
  'claims',
  'links',
  'judgments',
  'briefings',
]);

type Checked = { collection: CollectionName; id: string; value: JsonRecord | null };

function check(caseId: string, row: PulledRecord): Checked | null {
  const collection = row.collection as CollectionName;
  if (!COLLECTIONS.includes(collection)) return null;
  if (row.value === null) {
    // A tombstone: history only grows, and a case is left, not deleted, through the sync.
    return collection === 'history' || collection === 'cases'
      ? null
      : { collection, id: row.id, value: null };
  }
  const parsed = recordSchemas[collection].safeParse(row.value);
  if (!parsed.success) return null;
  const value = parsed.data as JsonRecord;
  if (value.id !== row.id) return null;
  if (collection === 'cases' && row.id !== caseId) return null;
  if (PER_CASE.has(collection) && value.caseId !== caseId) return null;
  return { collection, id: row.id, value };
}

export async function applyPulled(
  store: Store,
  outbox: Outbox,
  caseId: string,
  rows: readonly PulledRecord[],
  fetchTexts: (hashes: string[]) => Promise<Map<string, string>>,
): Promise<PullReport> {
  const report: PullReport = { applied: 0, refused: 0, missingTexts: 0 };
  const checked: Checked[] = [];
  for (const row of rows) {
    const one = check(caseId, row);
    if (one) checked.push(one);
    else report.refused += 1;
  }
  // Texts first, so a document never lands without its text.
  const wanted = new Set<string>();
  for (const { collection, value } of checked) {
    if (collection === 'documents' && value && typeof value.contentHash === 'string') {
      if (!(await store.texts.has(value.contentHash))) wanted.add(value.contentHash);
    }
  }
  if (wanted.size > 0) {
    const texts = await fetchTexts([...wanted]);
    for (const hash of wanted) {
      const text = texts.get(hash);
      // A text that is not what its hash says is left out like a missing one: the document
      // is then served marked as missing its text (textStore.ts), as after a disk error.
      if (text !== undefined && hashText(text) === hash) await store.texts.put(text);
      else report.missingTexts += 1;
    }
  }
  const known = await knownHistory(store, checked);
  await store.mutate(() => {
    const ops: Op[] = [];
    for (const { collection, id, value } of checked) {
      // A record edited here and not pushed yet: the push merges it with this value.
      if (outbox.has(caseId, collection, id)) continue;
      if (collection === 'history') {
        if (value && !known.has(id))
          ops.push({ type: 'put', collection, value: value as { id: string } });
        continue;
      }
      const current = store.get(collection, id);
      if (value === null) {
        if (current) ops.push({ type: 'delete', collection, id });
      } else if (!current || !sameJson(current, value)) {
        ops.push({ type: 'put', collection, value: value as { id: string } });
      }
    }
    report.applied = ops.length;
    return { ops, result: undefined, origin: 'team' };
  });
  return report;
}

/** The ids of pulled history entries this store holds already (its own, come back). */
async function knownHistory(store: Store, checked: readonly Checked[]): Promise<Set<string>> {
  const claims = new Set<string>();
  for (const { collection, value } of checked) {
    const claimId = collection === 'history' ? (value as HistoryEntry | null)?.claimId : undefined;
    // A claim this store never had has no history here.
    if (claimId && store.get('claims', claimId)) claims.add(claimId);
  }
  const known = new Set<string>();
  for (const claimId of claims) {
    for (const entry of await store.historyOf(claimId)) known.add(entry.id);
  }
  return known;
}
