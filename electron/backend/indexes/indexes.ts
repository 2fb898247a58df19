/**
 * Every derived structure the views need, kept up to date as each record is applied
 * (DESIGN.md, "Cost proportional to the change"): the claim table and its search terms, who
 * refers to whom, the score cache and the change log. Attached to the store before anything
 * is loaded, so loading a segment builds the indexes as it goes.
 */
import type {
  Briefing,
  Claim,
  ClaimDocument,
  Entity,
  EvidenceLink,
  Judgment,
} from '../../../shared/domain/schemas';
import type { BucketedCollection } from '../store/layout';
import type { ApplyListener, CommitListener, RecordOf, Store } from '../store/store';
import { ChangeLog } from './changeLog';
import { namesOf } from '../../../shared/entities/names';
import { ClaimTable } from './claimTable';
import { Relations } from './relations';
import { ScoreCache } from './scores';

type AnyRecord = RecordOf<BucketedCollection>;

const caseOf = (record: AnyRecord | undefined): string | null =>
  record && 'caseId' in record ? record.caseId : record && !('name' in record) ? record.id : null;

export class Indexes {
  readonly claims = new ClaimTable();
  readonly relations = new Relations();
  readonly changes = new ChangeLog();
  private scoreCache: ScoreCache | null = null;

  /** The score cache; there once the store is attached. */
  get scores(): ScoreCache {
    if (!this.scoreCache) throw new Error('the indexes are not attached to a store yet');
    return this.scoreCache;
  }

  /** Lets the indexes read records from the store, before any record is loaded into it. */
  bind(store: Store): void {
    this.claims.namesOf = (id) => {
      const entity = store.get('entities', id);
      return entity ? namesOf(entity) : [];
    };
    this.claims.claimOf = (id) => store.get('claims', id);
    this.relations.allDocuments = function* () {
      for (const id of store.ids('documents')) {
        const document = store.get('documents', id);
        if (document) yield document;
      }
    };
  }

  /** Connects the score cache to the opened store (the other indexes are built while it opens). */
  attach(store: Store): void {
    this.scoreCache = new ScoreCache(store, this.relations, this.claims);
    // Once the claims have loaded in the background, what views showed early is incomplete.
    void store.ready.then(
      () => {
        this.claims.terms.compact();
        this.claims.nameTerms.compact();
        this.relations.settle();
        this.changes.reset();
      },
      () => undefined,
    );
  }

  readonly apply: ApplyListener = (collection, before, after, source) => {
    const scores = source === 'edit' ? this.scoreCache : null;
    switch (collection) {
      case 'claims':
        this.claims.apply(before as Claim | undefined, after as Claim | undefined);
        scores?.claimChanged(before as Claim | undefined, after as Claim | undefined);
        break;
      case 'links':
        scores?.linkChanged(before as EvidenceLink | undefined);
        this.relations.link(before as EvidenceLink | undefined, after as EvidenceLink | undefined);
        scores?.linkChanged(after as EvidenceLink | undefined);
        break;
      case 'documents':
        this.relations.document(
          before as ClaimDocument | undefined,
          after as ClaimDocument | undefined,
        );
        this.claims.documentOutlet(
          (after ?? before)?.id ?? '',
          (after as ClaimDocument | undefined)?.outletId ?? null,
        );
        scores?.documentChanged(
          before as ClaimDocument | undefined,
          after as ClaimDocument | undefined,
        );
        break;
      case 'entities':
        this.relations.entity(before as Entity | undefined, after as Entity | undefined);
        if (before && after) {
          const was = namesOf(before as Entity);
          const now = namesOf(after as Entity);
          if (was.join('\u0000') !== now.join('\u0000')) {
            this.claims.entityNamesChanged(after.id, was);
          }
        }
        scores?.entityChanged(before as Entity | undefined, after as Entity | undefined);
        break;
      case 'judgments':
        this.relations.judgment(before as Judgment | undefined, after as Judgment | undefined);
        break;
      case 'briefings':
        this.relations.briefing(before as Briefing | undefined, after as Briefing | undefined);
        break;
      case 'cases':
        break;
    }
    if (source === 'edit') {
      const record = after ?? before;
      if (record) this.changes.touched(collection, record.id, caseOf(record));
    }
  };

  readonly commit: CommitListener = (_seq, _ops, _origin, replayed) => {
    // An edit replayed at open is in the state every view starts from.
    if (replayed) return;
    this.changes.commit(this.scoreCache?.takeInvalidated() ?? []);
  };
}
