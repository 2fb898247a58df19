/**
 * Puts the local edits of shared cases into the outbox (issue 14), in the same turn as the
 * edit's journal line, so an acknowledged edit is never lost before it is pushed. Attached to
 * the store before it opens: an edit whose journal line was written but whose outbox line was
 * not (a crash in between) is caught when the journal is replayed.
 */
import type { HistoryEntry } from '../../../shared/domain/schemas';
import type { BucketedCollection } from '../store/layout';
import type { Op } from '../store/ops';
import type { ApplyListener, CommitListener, RecordOf, Store } from '../store/store';
import type { JsonRecord } from './merge';
import type { Outbox, OutboxEntry } from './outbox';

type AnyRecord = RecordOf<BucketedCollection>;

interface Applied {
  collection: BucketedCollection;
  before: AnyRecord | undefined;
  after: AnyRecord | undefined;
}

export class Capture {
  private applied: Applied[] = [];
  private store: Store | null = null;

  constructor(
    private readonly outbox: Outbox,
    /** The ids of the cases shared from or joined on this desk. */
    private readonly sharedCases: () => ReadonlySet<string>,
    /** Told of the cases that have new edits waiting. */
    private readonly onWaiting: (caseIds: ReadonlySet<string>) => void,
    /**
     * The shared cases an edit of a speaker or outlet goes to: those this analyst may write
     * (a reader's copy does not send one edited for another case). All when left out.
     */
    private readonly entityCases: () => ReadonlySet<string> = sharedCases,
  ) {}

  bind(store: Store): void {
    this.store = store;
  }

  readonly apply: ApplyListener = (collection, before, after, source) => {
    if (source !== 'edit') return;
    if (this.sharedCases().size === 0) return;
    this.applied.push({ collection, before, after });
  };

  readonly commit: CommitListener = (seq, ops, origin, replayed) => {
    const applied = this.applied;
    this.applied = [];
    const shared = this.sharedCases();
    // Pulled from the team database, or already in the outbox before a crash.
    if (origin !== 'local' || shared.size === 0) return;
    if (replayed && seq <= this.outbox.lastSeq) return;
    const entries: Omit<OutboxEntry, 'n'>[] = [];
    const claimCase = new Map<string, string>();
    for (const { collection, before, after } of applied) {
      const record = (after ?? before) as AnyRecord;
      if (collection === 'claims') claimCase.set(record.id, (record as { caseId: string }).caseId);
      const targets = collection === 'entities' ? this.entityCases() : shared;
      for (const caseId of casesOf(collection, record, targets)) {
        entries.push({
          caseId,
          collection,
          id: record.id,
          base: before ?? null,
          value: (after as JsonRecord | undefined) ?? null,
        });
      }
    }
    for (const op of historyPuts(ops)) {
      const caseId = claimCase.get(op.claimId) ?? this.store?.get('claims', op.claimId)?.caseId;
      if (caseId && shared.has(caseId)) {
        entries.push({
          caseId,
          collection: 'history',
          id: op.id,
          base: null,
          value: op,
        });
      }
    }
    if (entries.length === 0) return;
    this.outbox.append(seq, entries);
    this.onWaiting(new Set(entries.map((e) => e.caseId)));
  };
}

function* historyPuts(ops: readonly Op[]): Generator<HistoryEntry> {
  for (const op of ops) {
    if (op.collection === 'history' && op.type === 'put') yield op.value as HistoryEntry;
  }
}

/** The shared cases a record belongs to: entities are shared by every case. */
function casesOf(
  collection: BucketedCollection,
  record: AnyRecord,
  shared: ReadonlySet<string>,
): Iterable<string> {
  if (collection === 'entities') return shared;
  const caseId = collection === 'cases' ? record.id : (record as { caseId: string }).caseId;
  return shared.has(caseId) ? [caseId] : [];
}
