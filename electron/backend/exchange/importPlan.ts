/**
 * How an imported case file becomes store records: as a new case, or merged into an existing
 * one. Every record gets a fresh id (the file's ids are another store's, and may even be this
 * store's, when a case is imported next to the one it was exported from), and every reference
 * is mapped to the new ids. What the store already has is recognised rather than duplicated:
 * people and outlets by any of their names; on a merge, documents by their text and claims by
 * their place in it and their wording. A person or outlet recognised keeps this store's grade,
 * and where the file grades it differently the plan says so (issue 11). Every lookup goes through an index, and the plan
 * gives other work a turn between slices, so a case of 100,000 claims imports in linear time.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ImportedCase } from '../../../shared/contract/channels';
import type { Case, Claim, ClaimDocument, Entity } from '../../../shared/domain/schemas';
import { normalizeName } from '../../../shared/entities/names';
import type { GradeConflict } from '../../../shared/exchange/gradeConflicts';
import type { HandlerContext } from '../handlers/context';
import {
  briefingsOfCase,
  claimsOfDocument,
  judgmentsOfCase,
  linksOfClaim,
} from '../handlers/lookups';
import { requireCase } from '../handlers/require';
import type { CollectionName, Op } from '../store/ops';
import type { Snapshot } from '../store/schema';
import type { CaseFile } from './caseFile';
import { IdMap, remapClaim, remapBriefing, remapLink, sameLink } from './remap';

export interface ImportPlan {
  caseId: string;
  ops: Op[];
  counts: Pick<ImportedCase, 'added' | 'merged'>;
  gradeConflicts: GradeConflict[];
}

const SLICE = 2000;

/** A document record as the store keeps it: its text goes to the text store. */
const withoutText = ({ text: _text, ...document }: CaseFile['documents'][number]): ClaimDocument =>
  document;

/** Where a claim sits, to recognise it on a merge. */
const placeOf = (c: Pick<Claim, 'documentId' | 'anchor' | 'text'>) =>
  `${c.documentId} ${c.anchor.start} ${c.anchor.end} ${c.text}`;

/** Plans the import; runs inside the edit, against the store as it is then. */
export async function planImport(
  ctx: HandlerContext,
  file: CaseFile,
  intoCaseId: string | null,
  onProgress: (done: number) => void = () => undefined,
): Promise<ImportPlan> {
  const { store } = ctx;
  const ops: Op[] = [];
  // Typed per collection, so each record is checked against its own shape here too.
  const put = <K extends CollectionName>(collection: K, value: Snapshot[K][number]) =>
    ops.push({ type: 'put', collection, value });
  const added = { documents: 0, claims: 0, entities: 0, links: 0, judgments: 0 };
  const merged = { documents: 0, claims: 0, entities: 0 };
  const ids = new IdMap(ctx.newId);
  let done = 0;
  const step = async () => {
    if (++done % SLICE === 0) {
      onProgress(done);
      await nextTurn();
    }
  };

  let target: Case;
  if (intoCaseId) {
    target = requireCase(store, intoCaseId);
  } else {
    target = { ...file.case, id: ctx.newId() };
    put('cases', target);
  }
  ids.set('case', file.case.id, target.id);

  // People and outlets by any of their names: the store's, and those this import adds.
  const addedNames = new Map<string, string>();
  const gradeConflicts: GradeConflict[] = [];
  for (const entity of file.entities) {
    const names = [entity.name, ...entity.aliases];
    const knownId =
      names.map((n) => ctx.ix.relations.entityNamed(n)).find((id) => id !== undefined) ??
      names.map((n) => addedNames.get(normalizeName(n))).find((id) => id !== undefined);
    if (knownId) {
      ids.set('entity', entity.id, knownId);
      merged.entities += 1;
      // The store's grade stays, but not silently (issue 11): the analyst is asked.
      const known = store.get('entities', knownId);
      if (known && known.reliability !== entity.reliability) {
        gradeConflicts.push({
          importedId: entity.id,
          existingId: known.id,
          name: known.name,
          ours: known.reliability,
          theirs: entity.reliability,
        });
      }
      continue;
    }
    const created: Entity = { ...entity, id: ids.fresh('entity', entity.id) };
    names.forEach((n) => addedNames.set(normalizeName(n), created.id));
    put('entities', created);
    added.entities += 1;
  }

  const newDocuments: ClaimDocument[] = [];
  const mergedDocuments = new Set<string>();
  for (const document of file.documents.map(withoutText)) {
    const same = intoCaseId
      ? [...(ctx.ix.relations.documentsByText.get(`${target.id} ${document.contentHash}`) ?? [])][0]
      : undefined;
    if (same) {
      ids.set('document', document.id, same);
      mergedDocuments.add(same);
      merged.documents += 1;
    } else {
      newDocuments.push({ ...document, id: ids.fresh('document', document.id) });
    }
    await step();
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

  // On a merge, claims already on the documents recognised above are recognised too.
  const existingClaims = new Map<string, string>();
  for (const documentId of mergedDocuments) {
    for (const c of claimsOfDocument(ctx, documentId)) existingClaims.set(placeOf(c), c.id);
  }
  const addedClaims = new Set<string>();
  for (const claim of file.claims) {
    const remapped: Claim = remapClaim(claim, ids, target.id);
    const same = existingClaims.get(placeOf(remapped));
    if (same) {
      ids.set('claim', claim.id, same);
      merged.claims += 1;
    } else {
      const created = { ...remapped, id: ids.fresh('claim', claim.id) };
      addedClaims.add(claim.id);
      put('claims', created);
      added.claims += 1;
    }
    await step();
  }

  for (const link of file.links) {
    const remapped = remapLink(link, ids, target.id);
    if (intoCaseId && linksOfClaim(ctx, remapped.fromClaimId).some((l) => sameLink(l, remapped))) {
      continue;
    }
    put('links', remapped);
    added.links += 1;
    await step();
  }

  const targetJudgments = intoCaseId ? judgmentsOfCase(ctx, target.id) : [];
  const byStatement = new Map(targetJudgments.map((j) => [j.statement.trim(), j.id]));
  // Judgments merged into a case go after its own, in the file's order.
  let nextOrder = Math.max(-1, ...targetJudgments.map((j) => j.order)) + 1;
  for (const judgment of file.judgments) {
    // A merge recognises a judgment by its wording: the same key judgment twice is noise.
    const same = byStatement.get(judgment.statement.trim());
    if (same) {
      ids.set('judgment', judgment.id, same);
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

  const titles = new Set(intoCaseId ? briefingsOfCase(ctx, target.id).map((b) => b.title) : []);
  for (const briefing of file.briefings) {
    if (titles.has(briefing.title)) continue;
    put('briefings', remapBriefing(briefing, ids, target.id));
  }

  // A claim brings its history along; a claim recognised as already here keeps its own.
  for (const entry of file.history) {
    if (!addedClaims.has(entry.claimId)) continue;
    put('history', { ...entry, id: ctx.newId(), claimId: ids.get('claim', entry.claimId) });
    await step();
  }
  return { caseId: target.id, ops, counts: { added, merged }, gradeConflicts };
}
