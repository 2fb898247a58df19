/** Lookups that fail with a `not_found` a user can read. */
import type { Case, Claim, ClaimDocument, Entity } from '../../../shared/domain/schemas';
import { CallFailure } from '../../../shared/contract/result';
import type { Store } from '../store/store';

export function requireCase(store: Store, id: string): Case {
  const found = store.get('cases', id);
  if (!found) throw new CallFailure('not_found', `There is no case with id ${id}.`, 'caseId');
  return found;
}

export function requireDocument(store: Store, id: string): ClaimDocument {
  const found = store.get('documents', id);
  if (!found)
    throw new CallFailure('not_found', `There is no document with id ${id}.`, 'documentId');
  return found;
}

export function requireClaim(store: Store, id: string, field = 'claimId'): Claim {
  const found = store.get('claims', id);
  if (!found) throw new CallFailure('not_found', `There is no claim with id ${id}.`, field);
  return found;
}

export function requireEntity(store: Store, id: string, field = 'entityId'): Entity {
  const found = store.get('entities', id);
  if (!found)
    throw new CallFailure('not_found', `There is no person or organisation with id ${id}.`, field);
  return found;
}
