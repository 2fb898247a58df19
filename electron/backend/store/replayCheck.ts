/**
 * After a restore, the journal is replayed on top of the backup (issue 10: "the edits in the
 * damaged journal that are intact and apply on top of the backup are replayed"). An edit
 * applies when every record it names exists once it is done: a claim's case and document, a
 * link's claims, a judgment's basis. One that does not (it builds on records the backup does
 * not have, because they were made between the backup and the journal's first entry) is
 * skipped and counted, never half-applied.
 */
import type { Claim, ClaimDocument, EvidenceLink, Judgment } from '../../../shared/domain/schemas';
import type { BucketedCollection } from './layout';
import type { JournalEntry } from './ops';
import type { Store } from './store';

export function entryApplies(store: Store, entry: JournalEntry): boolean {
  const put = new Map<string, boolean>();
  for (const op of entry.ops) {
    if (op.collection === 'history') continue;
    const id = op.type === 'put' ? op.value.id : op.id;
    put.set(`${op.collection}/${id}`, op.type === 'put');
  }
  const exists = (collection: BucketedCollection, id: string | null): boolean => {
    if (id === null) return true;
    const here = put.get(`${collection}/${id}`);
    return here ?? store.records[collection].has(id);
  };
  for (const op of entry.ops) {
    if (op.type === 'delete') continue;
    switch (op.collection) {
      case 'documents': {
        const d = op.value as ClaimDocument;
        if (!exists('cases', d.caseId) || !exists('entities', d.outletId)) return false;
        break;
      }
      case 'claims': {
        const c = op.value as Claim;
        const a = c.attribution;
        if (!exists('cases', c.caseId) || !exists('documents', c.documentId)) return false;
        if (![a.speakerId, ...a.via].every((id) => exists('entities', id))) return false;
        break;
      }
      case 'links': {
        const l = op.value as EvidenceLink;
        if (!exists('cases', l.caseId) || !exists('claims', l.fromClaimId)) return false;
        if (l.target.kind === 'claim' && !exists('claims', l.target.claimId)) return false;
        if (l.target.kind === 'span' && !exists('documents', l.target.documentId)) return false;
        break;
      }
      case 'judgments': {
        const j = op.value as Judgment;
        if (!exists('cases', j.caseId)) return false;
        if (!j.basis.every((b) => exists('claims', b.claimId))) return false;
        break;
      }
      case 'briefings': {
        const value: object = op.value;
        if (
          'caseId' in value &&
          typeof value.caseId === 'string' &&
          !exists('cases', value.caseId)
        ) {
          return false;
        }
        break;
      }
      default:
        break;
    }
  }
  return true;
}
