/**
 * How an imported case file becomes store records: as a new case, or merged into an existing
 * one. Every record gets a fresh id (the file's ids are another store's, and may even be this
 * store's, when a case is imported next to the one it was exported from), and every reference
 * is mapped to the new ids. What the store already has is recognised rather than duplicated:
 * people and outlets by any of their names; on a merge, documents by their text and claims by
 * their place in it and their wording.
 */
import type { ImportedCase } from '../../../shared/contract/channels';
import type { Case, Claim, ClaimDocument, Entity } from '../../../shared/domain/schemas';
import { findByName } from '../../../shared/entities/names';
import type { HandlerContext } from '../handlers/context';
import { requireCase } from '../handlers/require';
import type { CollectionName, Op } from '../store/ops';
import type { Snapshot } from '../store/schema';
import type { CaseFile } from './caseFile';
import { IdMap, remapClaim, remapBriefing, remapLink, sameLink } from './remap';

export interface ImportPlan {
  caseId: string;
  ops: Op[];
  counts: Pick<ImportedCase, 'added' | 'merged'>;
}

/** A document record as the store keeps it: its text goes to the text store. */
const withoutText = ({ text: _text, ...document }: CaseFile['documents'][number]): ClaimDocument =>
  document;

/** The store's entity with one of `entity`'s names, if any. */
function knownEntity(existing: readonly Entity[], entity: Entity): Entity | undefined {
  for (const name of [entity.name, ...entity.aliases]) {
    const found = findByName(existing, name);
    if (found) return found;
  }
  return undefined;
}

/** Plans the import; runs inside the edit, against the store as it is then. */
export function planImport(
  ctx: HandlerContext,
  file: CaseFile,
  intoCaseId: string | null,
): ImportPlan {
  const { store } = ctx;
  const ops: Op[] = [];
  // Typed per collection, so each record is checked against its own shape here too.
  const put = <K extends CollectionName>(collection: K, value: Snapshot[K][number]) =>
    ops.push({ type: 'put', collection, value });
  const added = { documents: 0, claims: 0, entities: 0, links: 0, judgments: 0 };
  const merged = { documents: 0, claims: 0, entities: 0 };
  const ids = new IdMap(ctx.newId);

  let target: Case;
  if (intoCaseId) {
    target = requireCase(store, intoCaseId);
  } else {
    target = { ...file.case, id: ctx.newId() };
    put('cases', target);
  }
  ids.set('case', file.case.id, target.id);

  const knownEntities = store.list('entities');
  for (const entity of file.entities) {
    const known = knownEntity(knownEntities, entity);
    if (known) {
      ids.set('entity', entity.id, known.id);
      merged.entities += 1;
      continue;
    }
    const created: Entity = { ...entity, id: ids.fresh('entity', entity.id) };
    knownEntities.push(created);
    put('entities', created);
    added.entities += 1;
  }

  const inTarget = <T extends { caseId: string }>(list: T[]) =>
    list.filter((r) => r.caseId === target.id);
  const targetDocuments = intoCaseId ? inTarget(store.list('documents')) : [];
  const newDocuments: ClaimDocument[] = [];
  for (const document of file.documents.map(withoutText)) {
    const same = targetDocuments.find((d) => d.contentHash === document.contentHash);
    if (same) {
      ids.set('document', document.id, same.id);
      merged.documents += 1;
    } else {
      newDocuments.push({ ...document, id: ids.fresh('document', document.id) });
    }
  }
  // Mapped in a second pass: a version may be listed before the one it replaces.
  for (const document of newDocuments) {
    put('documents', {
      ...document,
      caseId: target.id,
      outletId: document.outletId === null ? null : ids.get('entity', document.outletId),
      previousVersionId:
        document.previousVersionId === null
          ? null
          : ids.get('document', document.previousVersionId),
    });
    added.documents += 1;
  }

  const targetClaims = intoCaseId ? inTarget(store.list('claims')) : [];
  const addedClaims = new Set<string>();
  for (const claim of file.claims) {
    const remapped: Claim = remapClaim(claim, ids, target.id);
    const same = targetClaims.find(
      (c) =>
        c.documentId === remapped.documentId &&
        c.anchor.start === remapped.anchor.start &&
        c.anchor.end === remapped.anchor.end &&
        c.text === remapped.text,
    );
    if (same) {
      ids.set('claim', claim.id, same.id);
      merged.claims += 1;
      continue;
    }
    const created = { ...remapped, id: ids.fresh('claim', claim.id) };
    addedClaims.add(claim.id);
    put('claims', created);
    added.claims += 1;
  }

  const targetLinks = intoCaseId ? inTarget(store.list('links')) : [];
  for (const link of file.links) {
    const remapped = remapLink(link, ids, target.id);
    if (targetLinks.some((l) => sameLink(l, remapped))) continue;
    put('links', remapped);
    added.links += 1;
  }

  const targetJudgments = intoCaseId ? inTarget(store.list('judgments')) : [];
  // Judgments merged into a case go after its own, in the file's order.
  let nextOrder = Math.max(-1, ...targetJudgments.map((j) => j.order)) + 1;
  for (const judgment of file.judgments) {
    // A merge recognises a judgment by its wording: the same key judgment twice is noise.
    const same = targetJudgments.find((j) => j.statement.trim() === judgment.statement.trim());
    if (same) {
      ids.set('judgment', judgment.id, same.id);
      continue;
    }
    put('judgments', {
      ...judgment,
      id: ids.fresh('judgment', judgment.id),
      caseId: target.id,
      basis: judgment.basis.map((b) => ({ ...b, claimId: ids.get('claim', b.claimId) })),
      order: intoCaseId ? nextOrder++ : judgment.order,
    });
    added.judgments += 1;
  }

  const targetBriefings = intoCaseId ? inTarget(store.list('briefings')) : [];
  for (const briefing of file.briefings) {
    if (targetBriefings.some((b) => b.title === briefing.title)) continue;
    put('briefings', remapBriefing(briefing, ids, target.id));
  }

  // A claim brings its history along; a claim recognised as already here keeps its own.
  for (const entry of file.history) {
    if (!addedClaims.has(entry.claimId)) continue;
    put('history', { ...entry, id: ctx.newId(), claimId: ids.get('claim', entry.claimId) });
  }
  return { caseId: target.id, ops, counts: { added, merged } };
}
